import { parseFaultArgs, UsageError } from './args';

const KNOWN = ['kill-9-each-service', 'hostile-http'];

describe('pnpm test:faults arguments', () => {
  it('runs the full profile by default, results at the default place', () => {
    expect(parseFaultArgs([], KNOWN)).toEqual({
      kind: 'run',
      args: { quick: false, scenarios: [], jsonFile: undefined, useRunning: false },
    });
  });

  it('takes --quick, repeated --scenario, --json and --use-running (after pnpm’s --)', () => {
    const argv = [
      '--',
      '--quick',
      '--scenario',
      'hostile-http',
      '--scenario',
      'kill-9-each-service',
    ];
    expect(parseFaultArgs([...argv, '--json', 'out.json', '--use-running'], KNOWN)).toEqual({
      kind: 'run',
      args: {
        quick: true,
        scenarios: ['hostile-http', 'kill-9-each-service'],
        jsonFile: 'out.json',
        useRunning: true,
      },
    });
  });

  it('refuses a scenario it does not know, naming the ones it does', () => {
    expect(() => parseFaultArgs(['--scenario', 'nope'], KNOWN)).toThrow(
      new UsageError('unknown scenario nope (one of: kill-9-each-service, hostile-http)'),
    );
  });

  it('refuses an unknown flag', () => {
    expect(() => parseFaultArgs(['--fast'], KNOWN)).toThrow(UsageError);
  });

  it('answers --help and --list', () => {
    expect(parseFaultArgs(['--help'], KNOWN)).toEqual({ kind: 'help' });
    expect(parseFaultArgs(['--list'], KNOWN)).toEqual({ kind: 'list' });
  });
});
