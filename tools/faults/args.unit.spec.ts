import { parseFaultArgs, UsageError } from './args';

const KNOWN = ['kill-9-each-service', 'hostile-http'];

describe('pnpm test:faults arguments', () => {
  it('runs the full profile by default, results at the default place', () => {
    expect(parseFaultArgs([], KNOWN)).toEqual({
      kind: 'run',
      args: {
        quick: false,
        scenarios: [],
        jsonFile: undefined,
        useRunning: false,
        brokers: 1,
      },
    });
  });

  it('takes --quick, repeated --scenario, --json, --use-running and --brokers (after pnpm’s --)', () => {
    const argv = [
      '--',
      '--quick',
      '--scenario',
      'hostile-http',
      '--scenario',
      'kill-9-each-service',
    ];
    const rest = ['--json', 'out.json', '--use-running', '--brokers', '3'];
    expect(parseFaultArgs([...argv, ...rest], KNOWN)).toEqual({
      kind: 'run',
      args: {
        quick: true,
        scenarios: ['hostile-http', 'kill-9-each-service'],
        jsonFile: 'out.json',
        useRunning: true,
        brokers: 3,
      },
    });
  });

  it('refuses a scenario it does not know, naming the ones it does', () => {
    expect(() => parseFaultArgs(['--scenario', 'nope'], KNOWN)).toThrow(
      new UsageError('unknown scenario nope (one of: kill-9-each-service, hostile-http)'),
    );
  });

  it('refuses an unknown flag, and a broker count other than 1 or 3', () => {
    expect(() => parseFaultArgs(['--fast'], KNOWN)).toThrow(UsageError);
    expect(() => parseFaultArgs(['--brokers', '2'], KNOWN)).toThrow(
      new UsageError('--brokers must be 1 or 3, not 2'),
    );
  });

  it('answers --help and --list', () => {
    expect(parseFaultArgs(['--help'], KNOWN)).toEqual({ kind: 'help' });
    expect(parseFaultArgs(['--list'], KNOWN)).toEqual({ kind: 'list' });
  });
});
