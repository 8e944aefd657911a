import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { NotificationDatabase } from '../../database';
import { type EventEffects, NotificationLog } from '../application/ports/notification-log';
import { insertNotifications } from './notification-rows';

@Injectable()
export class PrismaNotificationLog extends NotificationLog {
  constructor(
    private readonly db: NotificationDatabase,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  recordOnce(consumer: string, eventId: string, effects: EventEffects): Promise<string[]> {
    return this.db.$transaction(async (tx) => {
      if (!(await this.inbox.claimOne(tx, consumer, eventId))) return [];
      const owner = effects.orderOwner;
      if (owner) {
        const row = { ...owner, sourceEventId: eventId };
        await tx.orderOwner.upsert({ where: { orderId: owner.orderId }, create: row, update: row });
      }
      return insertNotifications(
        tx,
        effects.notifications.map((draft) => ({ eventId, draft })),
      );
    });
  }
}
