import { Injectable } from '@nestjs/common';
import { Inbox, Outbox, transactOnPool } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { WindowStore, type WindowTransaction } from '../application/ports/window-store';
import { PostgresWindowTransaction } from './postgres-window-transaction';

/**
 * Window batches on the pg pool (`transactOnPool`, without Prisma's query layer): they run
 * for every fetched batch of readings. Every statement is set-based, so a batch of thousands
 * of readings is a handful of round trips.
 */
@Injectable()
export class PostgresWindowStore extends WindowStore {
  constructor(
    private readonly pool: DatabasePool,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  inTransaction<T>(work: (tx: WindowTransaction) => Promise<T>): Promise<T> {
    return transactOnPool(this.pool, (client) =>
      work(new PostgresWindowTransaction(client, this.inbox, this.outbox)),
    );
  }
}
