import { interleave } from './ordering';
import { checkOrdering, orderingVerdict, tallyDeliveries } from './tally';

describe('tallyDeliveries', () => {
  it('counts received, unique, duplicates and lost by event id', () => {
    const tally = tallyDeliveries(['a', 'b', 'c', 'd'], ['a', 'b', 'a', 'c', 'c', 'c']);
    expect(tally).toEqual({ published: 4, received: 6, unique: 3, duplicates: 3, lost: 1 });
  });

  it('does not let a duplicate hide a loss', () => {
    const tally = tallyDeliveries(['a', 'b'], ['a', 'a']);
    expect(tally.received).toBe(2);
    expect(tally.lost).toBe(1);
    expect(tally.duplicates).toBe(1);
  });

  it('ignores ids nobody published when counting unique ones', () => {
    expect(tallyDeliveries(['a'], ['a', 'stray']).unique).toBe(1);
  });
});

describe('checkOrdering', () => {
  it('accepts each key handled in sequence by one consumer', () => {
    const check = checkOrdering([
      { consumer: 'c1', key: 'k1', sequence: 0 },
      { consumer: 'c2', key: 'k2', sequence: 0 },
      { consumer: 'c1', key: 'k1', sequence: 1 },
      { consumer: 'c2', key: 'k2', sequence: 1 },
    ]);
    expect(check).toEqual({
      keys: 2,
      outOfOrderAtConsumer: 0,
      splitAcrossConsumers: 0,
      keysOutOfOrder: 0,
    });
    expect(orderingVerdict(check)).toBe('yes');
  });

  it('flags a sequence that goes backwards at its consumer', () => {
    const check = checkOrdering([
      { consumer: 'c1', key: 'k1', sequence: 1 },
      { consumer: 'c1', key: 'k1', sequence: 0 },
    ]);
    expect(check.outOfOrderAtConsumer).toBe(1);
    expect(orderingVerdict(check)).toBe('no (1 keys out of order)');
  });

  it('flags a key handled by both consumers, counting each key once', () => {
    const check = checkOrdering([
      { consumer: 'c1', key: 'k1', sequence: 0 },
      { consumer: 'c2', key: 'k1', sequence: 2 },
      { consumer: 'c1', key: 'k1', sequence: 1 },
    ]);
    expect(check.splitAcrossConsumers).toBe(1);
    expect(check.outOfOrderAtConsumer).toBe(0);
    expect(check.keysOutOfOrder).toBe(1);
  });
});

describe('interleave', () => {
  it('keeps every item and the order within each list', () => {
    const merged = interleave([['a0', 'a1', 'a2'], ['b0', 'b1'], []]);
    expect([...merged].sort()).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    expect(merged.filter((item) => item.startsWith('a'))).toEqual(['a0', 'a1', 'a2']);
    expect(merged.filter((item) => item.startsWith('b'))).toEqual(['b0', 'b1']);
  });
});
