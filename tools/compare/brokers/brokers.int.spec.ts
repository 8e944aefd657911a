import { type BrokerComparison, runBrokerComparison } from './compare';

/**
 * The quick comparison against whichever brokers answer on this machine: correctness only
 * (no timing). A broker that does not answer is reported "not available", never failed.
 */
describe('broker comparison (quick)', () => {
  let comparison: BrokerComparison;

  beforeAll(async () => {
    comparison = await runBrokerComparison({ quick: true, log: () => undefined });
  }, 600_000);

  const ranModes = () =>
    comparison.results.flatMap((broker) =>
      broker.modes.map((mode) => ({ ...mode, brokerName: broker.broker })),
    );

  it('reports every broker, available or not', () => {
    expect(comparison.results.map((broker) => broker.broker)).toEqual([
      'Kafka',
      'RabbitMQ',
      'NATS',
      'Redis',
      'MQTT',
    ]);
    expect(comparison.tables).toHaveLength(5);
    expect(comparison.verdicts).toHaveLength(5);
  });

  it('delivers every event of every acked mode, counting duplicates', () => {
    for (const mode of ranModes().filter((m) => m.delivery === 'acked')) {
      expect({ mode: mode.mode, ok: mode.throughput.ok }).toEqual({ mode: mode.mode, ok: true });
      if (!mode.throughput.ok) continue;
      const { tally } = mode.throughput.value;
      expect({ mode: mode.mode, lost: tally.lost }).toEqual({ mode: mode.mode, lost: 0 });
      expect(tally.duplicates).toBe(tally.received - tally.unique);
    }
  });

  it('computes the ordering check wherever consumers can share work', () => {
    for (const mode of ranModes().filter(
      (m) => m.brokerName !== 'Redis' || m.delivery === 'acked',
    )) {
      if (mode.mode === 'Redis Pub/Sub') continue;
      expect({ mode: mode.mode, ok: mode.ordering.ok }).toEqual({ mode: mode.mode, ok: true });
      if (!mode.ordering.ok) continue;
      const { check } = mode.ordering.value;
      expect(check.keys).toBeGreaterThan(0);
      expect(check.keysOutOfOrder).toBeLessThanOrEqual(check.keys);
    }
  });

  it('loses nothing when an acked consumer crashes with unacked messages', () => {
    for (const mode of ranModes().filter((m) => m.delivery === 'acked')) {
      expect({ mode: mode.mode, ok: mode.crash.ok }).toEqual({ mode: mode.mode, ok: true });
      if (!mode.crash.ok) continue;
      expect({ mode: mode.mode, lost: mode.crash.value.lost }).toEqual({
        mode: mode.mode,
        lost: 0,
      });
      expect(mode.crash.value.redelivered).toBe(mode.crash.value.unackedAtCrash);
    }
  });
});
