import { formatItem, formatReport } from './format-report';
import { type RedriveReport } from './redrive';

const report: RedriveReport = {
  topic: 'users',
  dlqTopic: 'users.dlq',
  groupId: 'kafka-commerce.redrive.users',
  committed: true,
  dryRun: false,
  read: 3,
  matched: 2,
  republished: 2,
  skipped: 1,
  byReason: {
    handler_failed: { matched: 2, skipped: 0 },
    invalid_payload: { matched: 0, skipped: 1 },
  },
  byTarget: { users: 2 },
  stoppedBy: 'end',
  partitions: [{ partition: 0, from: '4', to: '7', end: '7' }],
};

describe('formatReport', () => {
  it('summarises a run', () => {
    expect(formatReport(report)).toBe(
      [
        'users.dlq: read 3, republished 2, skipped 1 (not matching the filter)',
        '  by dlq-reason:',
        '    handler_failed           2 republished, 0 skipped',
        '    invalid_payload          0 republished, 1 skipped',
        '  → users: 2',
        '  partition 0: offsets 4 → 7 (end 7)',
        '  stopped: reached the end of users.dlq as of the start',
        '  position committed (group kafka-commerce.redrive.users): the next run continues from here',
      ].join('\n'),
    );
  });

  it('says what a dry run would have done and that it committed nothing', () => {
    const text = formatReport({
      ...report,
      dryRun: true,
      committed: false,
      republished: 0,
      stoppedBy: 'max-messages',
    });
    expect(text).toContain('users.dlq (dry run): read 3, would republish 2');
    expect(text).toContain('2 to republish, 0 skipped');
    expect(text).toContain('--max reached');
    expect(text).toContain('nothing committed');
  });

  it('lists one dead letter per line', () => {
    expect(
      formatItem({
        dlqTopic: 'users.dlq',
        partition: 1,
        offset: '9',
        target: 'users',
        info: {
          key: 'u-1',
          type: 'user.registered',
          reason: 'handler_failed',
          sourceTopic: 'users',
        },
      }),
    ).toBe('  users.dlq@1:9  key=u-1  type=user.registered  reason=handler_failed  → users');
  });
});
