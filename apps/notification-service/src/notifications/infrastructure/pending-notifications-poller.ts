import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DeliverNotificationsHandler } from '../application/deliver-notifications/deliver-notifications.handler';

// Small rounds: a round in flight is finished at shutdown, even when mail is slow.
const BATCH_SIZE = 32;
const POLL_INTERVAL_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The background sender, like an outbox relay for mail: every instance polls for
 * notifications whose turn has come — not sent right after their commit (the instance
 * crashed, or SMTP was down), failed and due for a retry, or abandoned mid-attempt — and
 * sends them. Instances share the rows through the queue's claim (SKIP LOCKED + lease).
 */
@Injectable()
export class PendingNotificationsPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PendingNotificationsPoller.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly delivery: DeliverNotificationsHandler) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** First shutdown hook: finishes the round in flight while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const { claimed } = await this.delivery.deliverDue(BATCH_SIZE);
        failures = 0;
        if (claimed < BATCH_SIZE) await this.sleep(POLL_INTERVAL_MS);
      } catch (error) {
        failures++;
        const wait = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 10));
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error), retryInMs: wait },
          'background sender cannot reach its queue; backing off',
        );
        await this.sleep(wait);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
