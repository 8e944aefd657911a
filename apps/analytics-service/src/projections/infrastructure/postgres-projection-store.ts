import { Injectable } from '@nestjs/common';
import { Inbox, transactOnPool } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { ProjectionStore, type ProjectionTransaction } from '../application/ports/projection-store';
import { PostgresProjectionTransaction } from './postgres-projection-transaction';

/** Projection batches on the pg pool (`transactOnPool`): they run for every order event. */
@Injectable()
export class PostgresProjectionStore extends ProjectionStore {
  constructor(
    private readonly pool: DatabasePool,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  inTransaction<T>(work: (tx: ProjectionTransaction) => Promise<T>): Promise<T> {
    return transactOnPool(this.pool, (client) =>
      work(new PostgresProjectionTransaction(client, this.inbox)),
    );
  }
}
