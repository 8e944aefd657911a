import { Injectable } from '@nestjs/common';
import { Inbox, Outbox } from '@kafka-commerce/messaging';
import { AnalyticsDatabase } from '../../database';
import { WindowStore, type WindowTransaction } from '../application/window-store';
import { PrismaWindowTransaction } from './prisma-window.transaction';

@Injectable()
export class PrismaWindowStore extends WindowStore {
  constructor(
    private readonly db: AnalyticsDatabase,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  inTransaction<T>(work: (tx: WindowTransaction) => Promise<T>): Promise<T> {
    return this.db.$transaction(
      (tx) => work(new PrismaWindowTransaction(tx, this.inbox, this.outbox)),
      // A fetched batch can hold thousands of readings; every statement is set-based.
      { timeout: 30_000 },
    );
  }
}
