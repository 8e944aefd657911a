import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingLifecycle } from '@kafka-commerce/messaging';
import { DatabaseProbe } from './database/database.module';
import { stopTracing } from './tracing/tracing';

/**
 * The last step of a graceful stop. Nest has already stopped the consumers (waiting for the
 * batches in flight) and the HTTP server; now the relay flushes the outbox, the producer
 * disconnects, and only then does the database close; the spans of all that go out last.
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
      await stopTracing();
    }
  }
}
