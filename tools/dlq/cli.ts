import { formatItem, formatReport } from './format-report';
import { redrive } from './redrive';
import { parseRedriveArgs, REDRIVE_USAGE, UsageError } from './redrive-args';

/** `pnpm dlq:redrive --topic users [--type t] [--key k] [--dry-run] [--max n] [--brokers b]`. */
async function main(): Promise<void> {
  const command = parseRedriveArgs(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    console.log(REDRIVE_USAGE);
    return;
  }
  const { args } = command;
  console.log(
    `re-driving ${args.topic}.dlq on ${args.brokers.join(',')}${args.dryRun ? ' (dry run)' : ''}…`,
  );
  const report = await redrive({
    ...args,
    // A real run can move thousands of messages; only a dry run lists them.
    ...(args.dryRun
      ? {
          onMessage: (item) => {
            console.log(formatItem(item));
          },
        }
      : {}),
  });
  console.log(formatReport(report));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`dlq:redrive: ${error.message}\n\n${REDRIVE_USAGE}`);
  } else {
    console.error(`dlq:redrive failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
