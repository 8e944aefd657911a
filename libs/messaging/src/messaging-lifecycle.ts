import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { EventPublisher } from './event-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { OUTBOX_POOL } from './outbox/outbox-pool';

/**
 * Starts the producer and the relay with the service, and stops them in the right order.
 * `close()` is called by the service's shutdown sequence after consumers have stopped
 * (so in-flight handlers' events are flushed) and before the database closes.
 */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly relay: OutboxRelay,
    @Inject(OUTBOX_POOL) private readonly pool: Pool,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.publisher.connect();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async close(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
    await this.pool.end();
  }
}
