import { Injectable } from '@nestjs/common';
import { NotificationDatabase } from '../../database';
import {
  type Contact,
  ContactRepository,
  type HandledEvent,
} from '../application/record-contact/contact.repository';

@Injectable()
export class PrismaContactRepository extends ContactRepository {
  constructor(private readonly db: NotificationDatabase) {
    super();
  }

  saveOnce(event: HandledEvent, contact: Contact): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const inbox = await tx.processedEvent.createMany({ data: [event], skipDuplicates: true });
      if (inbox.count === 0) return false;
      const row = { ...contact, sourceEventId: event.eventId };
      await tx.contact.upsert({ where: { userId: contact.userId }, create: row, update: row });
      return true;
    });
  }
}
