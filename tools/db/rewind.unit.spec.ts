import { planPartitions } from './rewind';

const TO = new Date('2026-11-30T01:00:00Z');
const at = (partition: number, offset: number) => ({ partition, offset: String(offset) });
const low = (partition: number, offset: number) => ({ partition, low: String(offset) });

describe('a rewind plan', () => {
  it('moves each committed partition back to the first offset at the time', () => {
    const plan = planPartitions('orders', TO, [at(0, 40), at(1, 12)], [at(0, 30), at(1, 12)], []);

    expect(plan.partitions).toEqual([
      { partition: 0, from: 40, to: 30 },
      { partition: 1, from: 12, to: 12 },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('never moves a group forward past what it has not read yet', () => {
    const plan = planPartitions('orders', TO, [at(0, 5)], [at(0, 30)], []);

    expect(plan.partitions).toEqual([{ partition: 0, from: 5, to: 5 }]);
  });

  it('leaves partitions the group never committed to be read from the start', () => {
    expect(planPartitions('orders', TO, [at(0, -1)], [at(0, 30)], []).partitions).toEqual([]);
  });

  it('warns when retention has deleted the log up to the rewind point', () => {
    const plan = planPartitions('orders', TO, [at(0, 90)], [at(0, 50)], [low(0, 50)]);

    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^orders\[0\] starts at offset 50 .* newer than 2026-11-30T01:00:00.000Z are lost$/,
      ),
    ]);
  });
});
