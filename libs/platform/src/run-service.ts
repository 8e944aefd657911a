/**
 * Entry point wrapper for a service's `main.ts`: a configuration or start-up error ends the
 * process with a readable message and exit code 1, instead of an unhandled rejection.
 */
export function runService(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Service failed to start: ${message}\n`);
    process.exit(1);
  });
}
