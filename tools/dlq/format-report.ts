import { formatPosition } from './dead-letter-message';
import { type RedriveItem, type RedriveReport } from './redrive';

/** One line per selected dead letter, for a dry run's listing. */
export function formatItem(item: RedriveItem): string {
  const key = item.info.key ?? '(no key)';
  const type = item.info.type ?? '(no event-type)';
  return `  ${formatPosition(item)}  key=${key}  type=${type}  reason=${item.info.reason}  → ${item.target}`;
}

export function formatReport(report: RedriveReport): string {
  const selected = report.dryRun
    ? `would republish ${report.matched}`
    : `republished ${report.republished}`;
  const verb = report.dryRun ? 'to republish' : 'republished';
  const lines = [
    `${report.dlqTopic}${report.dryRun ? ' (dry run)' : ''}: read ${report.read}, ${selected}, skipped ${report.skipped} (not matching the filter)`,
  ];
  const reasons = Object.entries(report.byReason).sort(([a], [b]) => a.localeCompare(b));
  if (reasons.length > 0) {
    lines.push('  by dlq-reason:');
    for (const [reason, counts] of reasons) {
      lines.push(`    ${reason.padEnd(24)} ${counts.matched} ${verb}, ${counts.skipped} skipped`);
    }
  }
  for (const [topic, count] of Object.entries(report.byTarget)) {
    lines.push(`  → ${topic}: ${count}`);
  }
  for (const partition of report.partitions) {
    lines.push(
      `  partition ${partition.partition}: offsets ${partition.from} → ${partition.to} (end ${partition.end})`,
    );
  }
  lines.push(
    report.stoppedBy === 'end'
      ? `  stopped: reached the end of ${report.dlqTopic} as of the start`
      : '  stopped: --max reached; run again to continue',
  );
  lines.push(
    report.committed
      ? `  position committed (group ${report.groupId}): the next run continues from here`
      : '  nothing committed: an unfiltered run still sees every message read here',
  );
  return lines.join('\n');
}
