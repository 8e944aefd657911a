import { failureSummary, formatTable } from './report';
import { type ScenarioResult } from './runner';

function result(scenario: string, change: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    scenario,
    outcome: 'passed',
    placed: 60,
    confirmed: 50,
    cancelled: 10,
    stuck: 0,
    violations: [],
    deadLetters: {},
    deadLetterReasons: {},
    settleSeconds: 1.25,
    seconds: 20,
    retried: 0,
    notes: [],
    ...change,
  };
}

describe('the test:faults report', () => {
  const broken = result('kafka-stopped-30s', {
    outcome: 'failed',
    stuck: 2,
    violations: [
      { invariant: 'every-order-terminal', detail: '2 orders not CONFIRMED or CANCELLED: a; b' },
    ],
    deadLetters: { orders: 3, payments: 1 },
  });

  it('prints one row per scenario with its counts, DLQ entries and seconds to settle', () => {
    const lines = formatTable([result('oversell-200-on-50'), broken]).split('\n');
    expect(lines[0]).toMatch(
      /^scenario +outcome +placed +confirmed +cancelled +stuck +violations +DLQ entries +settle s$/,
    );
    expect(lines[2]).toMatch(/^oversell-200-on-50 +passed +60 +50 +10 +0 +0 +0 +1\.3$/);
    expect(lines[3]).toMatch(/^kafka-stopped-30s +failed +60 +50 +10 +2 +1 +4 +1\.3$/);
    expect(lines).toContain(
      'BROKEN kafka-stopped-30s: every-order-terminal: 2 orders not CONFIRMED or CANCELLED: a; b',
    );
  });

  it('names every broken invariant with its scenario, and nothing when all passed', () => {
    expect(failureSummary([result('oversell-200-on-50'), broken])).toBe(
      'invariants broken — kafka-stopped-30s: every-order-terminal',
    );
    expect(failureSummary([result('oversell-200-on-50')])).toBeUndefined();
  });
});
