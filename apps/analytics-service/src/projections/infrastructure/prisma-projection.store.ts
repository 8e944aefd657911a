import { Injectable } from '@nestjs/common';
import { Inbox, transactOnPool } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { ProjectionStore, type ProjectionTransaction } from '../application/projection-store';
import { PrismaProjectionTransaction } from './prisma-projection.transaction';

/** Projection batches on the pg pool (`transactOnPool`): they run for every order event. */
@Injectable()
export class PrismaProjectionStore extends ProjectionStore {
  constructor(
    private readonly pool: DatabasePool,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  inTransaction<T>(work: (tx: ProjectionTransaction) => Promise<T>): Promise<T> {
    return transactOnPool(this.pool, (client) =>
      work(new PrismaProjectionTransaction(client, this.inbox)),
    );
  }
}
