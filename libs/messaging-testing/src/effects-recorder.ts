import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EventOf, type TopicName, userRegisteredV1 } from '@kafka-commerce/events';
import { EventHandler, Inbox } from '@kafka-commerce/messaging';
import { Pool } from 'pg';
import { inTransaction, rawSql } from './messaging-test-kit';

export const EFFECTS_POOL = Symbol('EFFECTS_POOL');

/** How the test handler misbehaves, per event id; tests set it before producing. */
export class HandlerScript {
  readonly failuresLeft = new Map<string, number>();
  readonly alwaysFail = new Set<string>();

  /** Throws when the script says this event fails this time. */
  check(eventId: string): void {
    if (this.alwaysFail.has(eventId)) throw new Error(`handler is broken for ${eventId}`);
    const left = this.failuresLeft.get(eventId) ?? 0;
    if (left > 0) {
      this.failuresLeft.set(eventId, left - 1);
      throw new Error(`transient failure for ${eventId} (${left} left)`);
    }
  }
}

/**
 * A consumer for one topic that records each applied event as an `effects` row, claiming it
 * in the inbox in the same transaction — the shape of every real handler.
 */
export function effectsRecorder(
  topic: TopicName,
  consumer: string,
  script: HandlerScript,
): new (...args: never[]) => unknown {
  @Controller()
  class EffectsRecorder {
    constructor(
      @Inject(Inbox) private readonly inbox: Inbox,
      @Inject(EFFECTS_POOL) private readonly pool: Pool,
    ) {}

    @EventHandler(topic, { accepts: [userRegisteredV1] })
    async record(@Payload() event: EventOf<typeof userRegisteredV1>): Promise<void> {
      script.check(event.eventId);
      await inTransaction(this.pool, async (client) => {
        if (!(await this.inbox.claimOne(rawSql(client), { consumer, eventId: event.eventId })))
          return;
        await client.query(
          'INSERT INTO effects (event_id, message_key, label) VALUES ($1, $2, $3)',
          [event.eventId, event.payload.userId, event.payload.username],
        );
      });
    }
  }
  return EffectsRecorder;
}
