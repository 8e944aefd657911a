import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingLifecycle } from '@kafka-commerce/messaging';
import { DatabaseProbe } from './database/database.module';

/**
 * The last step of a graceful stop. Nest has already stopped the consumers (waiting for the
 * batches in flight) and the HTTP server; now the relay flushes the outbox, the producer
 * disconnects, and only then does the database close.
 */
@Injectable()
export class ShutdownSequence implements OnApplicationShutdown {
  constructor(
    private readonly messaging: MessagingLifecycle,
    private readonly database: DatabaseProbe,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.messaging.close();
    } finally {
      await this.database.close();
    }
  }
}
