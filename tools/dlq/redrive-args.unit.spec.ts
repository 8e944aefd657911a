import { DEFAULT_BROKERS, parseRedriveArgs, type RedriveArgs, UsageError } from './redrive-args';

function parsed(argv: string[], env: Record<string, string> = {}): RedriveArgs {
  const command = parseRedriveArgs(argv, env);
  if (command.kind !== 'redrive')
    throw new Error(`expected a redrive command, got ${command.kind}`);
  return command.args;
}

describe('parseRedriveArgs', () => {
  it('reads the topic and defaults the rest', () => {
    expect(parsed(['redrive', '--topic', 'users'])).toEqual({
      brokers: [DEFAULT_BROKERS],
      topic: 'users',
      dryRun: false,
    });
  });

  it('reads every option', () => {
    expect(
      parsed([
        'redrive',
        '--topic=orders',
        '--type',
        'order.created',
        '--key',
        'o-1',
        '--dry-run',
        '--max',
        '25',
        '--brokers',
        'a:9092, b:9093',
      ]),
    ).toEqual({
      brokers: ['a:9092', 'b:9093'],
      topic: 'orders',
      type: 'order.created',
      key: 'o-1',
      dryRun: true,
      maxMessages: 25,
    });
  });

  it('takes brokers from KAFKA_BROKERS unless --brokers is given', () => {
    const env = { KAFKA_BROKERS: 'k1:1,k2:2' };
    expect(parsed(['redrive', '--topic', 'users'], env).brokers).toEqual(['k1:1', 'k2:2']);
    expect(parsed(['redrive', '--topic', 'users', '--brokers', 'x:3'], env).brokers).toEqual([
      'x:3',
    ]);
  });

  it('ignores the `--` that pnpm passes through', () => {
    expect(parsed(['redrive', '--', '--topic', 'users']).topic).toBe('users');
  });

  it('answers --help', () => {
    expect(parseRedriveArgs(['redrive', '--help'], {})).toEqual({ kind: 'help' });
    expect(parseRedriveArgs(['-h'], {})).toEqual({ kind: 'help' });
  });

  it.each([
    [['redrive'], /--topic is required/],
    [['replay', '--topic', 'users'], /unknown command: replay/],
    [[], /unknown command: \(none\)/],
    [['redrive', '--topic', 'users.dlq'], /source topic \(users\), not its dead-letter topic/],
    [['redrive', '--topic', 'us ers'], /invalid topic name/],
    [['redrive', '--topic', 'users', '--max', '0'], /--max must be a whole number/],
    [['redrive', '--topic', 'users', '--max', '2.5'], /--max must be a whole number/],
    [['redrive', '--topic', 'users', '--max', 'ten'], /--max must be a whole number/],
    [['redrive', '--topic', 'users', '--type', ''], /--type must not be empty/],
    [['redrive', '--topic', 'users', '--brokers', ','], /--brokers is empty/],
    [['redrive', '--topic', 'users', '--brokers', 'localhost'], /invalid broker "localhost"/],
    [['redrive', '--topic', 'users', '--tpoic', 'x'], /--tpoic/],
    [['redrive', '--topic', 'users', 'extra'], /extra/],
    [['redrive', '--topic'], /--topic/],
  ])('rejects %j', (argv, message) => {
    const attempt = (): unknown => parseRedriveArgs(argv, {});
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });
});
