import { type BrokerComparison } from './brokers';
import { correctnessProblems } from './correctness';
import { type SerializationComparison } from './serialization';

const tally = (lost: number) => ({
  published: 10,
  received: 10 - lost,
  unique: 10 - lost,
  duplicates: 0,
  lost,
});

function brokersWith(mode: object): BrokerComparison {
  return { results: [{ broker: 'X', modes: [mode] }] } as unknown as BrokerComparison;
}

function serializationWith(firstDifference: string | undefined): SerializationComparison {
  const measurements = [{ format: 'Avro', firstDifference }];
  return {
    data: { perEvent: [], batch: { name: 'batch', values: 1, measurements } },
  } as unknown as SerializationComparison;
}

describe('correctnessProblems', () => {
  const crash = { ok: true, value: { lost: 0 } };

  it('passes a durable mode that lost nothing and exact round trips', () => {
    const brokers = brokersWith({
      mode: 'X acked',
      delivery: 'acked',
      throughput: { ok: true, value: { tally: tally(0) } },
      crash,
    });
    expect(correctnessProblems(brokers, serializationWith(undefined))).toEqual([]);
  });

  it('names a durable mode that lost events, or whose workload failed', () => {
    const lost = brokersWith({
      mode: 'X acked',
      delivery: 'acked',
      throughput: { ok: true, value: { tally: tally(3) } },
      crash: { ok: false, why: 'failed: timeout' },
    });
    expect(correctnessProblems(lost, undefined)).toEqual([
      'X acked: lost 3 events',
      'X acked: consumer crash failed: timeout',
    ]);
  });

  it('lets a fire-and-forget mode lose events', () => {
    const brokers = brokersWith({
      mode: 'X pub/sub',
      delivery: 'fire-and-forget',
      throughput: { ok: true, value: { tally: tally(3) } },
      crash: { ok: false, why: 'n/a' },
    });
    expect(correctnessProblems(brokers, undefined)).toEqual([]);
  });

  it('names a format whose round trip changed a value', () => {
    expect(correctnessProblems(undefined, serializationWith('payload.amount'))).toEqual([
      'Avro on batch: round trip changed payload.amount',
    ]);
  });
});
