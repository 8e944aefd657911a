import { Injectable, Logger } from '@nestjs/common';
import pLimit from 'p-limit';
import {
  DELIVERY_LEASE_MS,
  NEW_DELIVERY_BUDGET_MS,
  retryDelayAfterFailure,
} from '../../domain/delivery-schedule';
import {
  type ClaimedNotification,
  DeliveryQueue,
  type DeliveryFailure,
} from '../ports/delivery-queue';
import { NotificationChannels, PermanentDeliveryError } from '../ports/notification-channels';

/**
 * Messages claimed and in flight at once per sender (the SMTP pool queues beyond its
 * connections). New notifications are sent in chunks of this size, so those a consumer has
 * no time left for are left to the background sender.
 */
export const SEND_CONCURRENCY = 16;
/** Enough of an error to diagnose it, without storing a whole SMTP transcript. */
const MAX_ERROR_LENGTH = 1_000;

export interface DeliveryReport {
  readonly claimed: number;
  readonly sent: number;
  readonly failed: number;
}

const NOTHING: DeliveryReport = { claimed: 0, sent: 0, failed: 0 };

/**
 * Sends stored notifications and records the outcome: SENT, or FAILED with the error and a
 * time to retry (none after the last attempt, or when the channel refused the message for
 * good). Runs outside any transaction; the queue's lease keeps senders apart.
 */
@Injectable()
export class DeliverNotificationsHandler {
  private readonly logger = new Logger(DeliverNotificationsHandler.name);

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly channels: NotificationChannels,
  ) {}

  /**
   * Sends notifications a consumer has just committed. Never throws: the event is already
   * handled, and whatever is not sent here the background sender picks up after the grace
   * period. Stops starting new chunks once `budgetMs` is used up (at least one chunk is
   * always tried) or when a whole chunk failed, so an unreachable server cannot hold the
   * consumer for long.
   */
  deliverNew(
    ids: readonly string[],
    budgetMs: number = NEW_DELIVERY_BUDGET_MS,
  ): Promise<DeliveryReport> {
    return this.deliverInChunks(
      ids,
      budgetMs,
      (chunk) => this.queue.claimNew(chunk, DELIVERY_LEASE_MS),
      // Unclaimed, they are the background sender's once their grace period is over.
      () => Promise.resolve(),
    );
  }

  /**
   * Like deliverNew, for notifications stored already claimed by this sender (no claim
   * statement): those it stops before are released to the background sender at once, those
   * it never gets to (a crash) once their lease runs out.
   */
  deliverClaimed(
    claimed: readonly ClaimedNotification[],
    budgetMs: number = NEW_DELIVERY_BUDGET_MS,
  ): Promise<DeliveryReport> {
    return this.deliverInChunks(
      claimed,
      budgetMs,
      (chunk) => Promise.resolve(chunk),
      (left) => this.queue.release(left.map((notification) => notification.id)),
    );
  }

  /** One round of the background sender: notifications whose turn has come. */
  async deliverDue(limit: number): Promise<DeliveryReport> {
    return this.send(await this.queue.claimDue(limit, DELIVERY_LEASE_MS));
  }

  private async deliverInChunks<T>(
    items: readonly T[],
    budgetMs: number,
    claim: (chunk: readonly T[]) => Promise<readonly ClaimedNotification[]>,
    leave: (left: readonly T[]) => Promise<void>,
  ): Promise<DeliveryReport> {
    const deadline = Date.now() + budgetMs;
    let report = NOTHING;
    try {
      for (let start = 0; start < items.length; start += SEND_CONCURRENCY) {
        if (start > 0 && Date.now() >= deadline) {
          this.logger.warn(
            { left: items.length - start },
            'no time left to send new notifications now; the background sender will',
          );
          await leave(items.slice(start));
          break;
        }
        const end = start + SEND_CONCURRENCY;
        const round = await this.send(await claim(items.slice(start, end)));
        report = sum(report, round);
        // A whole chunk failing means the channel is down, not a bad address: stop trying.
        if (round.claimed > 0 && round.sent === 0) {
          if (end < items.length) await leave(items.slice(end));
          break;
        }
      }
    } catch (error) {
      this.logger.warn(
        { error: describe(error), notifications: items.length },
        'could not send new notifications now; the background sender will',
      );
    }
    return report;
  }

  private async send(claimed: readonly ClaimedNotification[]): Promise<DeliveryReport> {
    const sent: string[] = [];
    const failures: DeliveryFailure[] = [];
    const limit = pLimit(SEND_CONCURRENCY);
    await Promise.all(
      claimed.map((notification) =>
        limit(async () => {
          try {
            await this.channels.deliver(notification);
            sent.push(notification.id);
          } catch (error) {
            failures.push({
              id: notification.id,
              error: describe(error).slice(0, MAX_ERROR_LENGTH),
              // A refusal for good is kept FAILED with its reason, never retried.
              retryInMs:
                error instanceof PermanentDeliveryError
                  ? null
                  : retryDelayAfterFailure(notification.attempts),
            });
          }
        }),
      ),
    );
    // Sent first: a crash between the two statements must not lose what did go out.
    if (sent.length > 0) await this.queue.markSent(sent);
    if (failures.length > 0) {
      await this.queue.markFailed(failures);
      this.logger.warn(
        {
          failed: failures.length,
          givenUp: failures.filter((failure) => failure.retryInMs === null).length,
          error: failures[0]?.error,
        },
        'notifications not delivered',
      );
    }
    return { claimed: claimed.length, sent: sent.length, failed: failures.length };
  }
}

function sum(a: DeliveryReport, b: DeliveryReport): DeliveryReport {
  return { claimed: a.claimed + b.claimed, sent: a.sent + b.sent, failed: a.failed + b.failed };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
