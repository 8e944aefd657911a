import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { AnalyticsDatabase } from '../../database';
import { ProjectionStore, type ProjectionTransaction } from '../application/projection-store';
import { PrismaProjectionTransaction } from './prisma-projection.transaction';

@Injectable()
export class PrismaProjectionStore extends ProjectionStore {
  constructor(
    private readonly db: AnalyticsDatabase,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  inTransaction<T>(work: (tx: ProjectionTransaction) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(new PrismaProjectionTransaction(tx, this.inbox)), {
      timeout: 15_000,
    });
  }
}
