import { Injectable } from '@nestjs/common';
import { NotificationDatabase } from '../../database';
import { RecipientDirectory } from '../application/ports/recipient-directory';
import { type Customer } from '../domain/notification';

/** Reads the contact book (contacts module) and the order-owner projection. */
@Injectable()
export class PrismaRecipientDirectory extends RecipientDirectory {
  constructor(private readonly db: NotificationDatabase) {
    super();
  }

  customer(userId: string): Promise<Customer | null> {
    return this.db.contact.findUnique({
      where: { userId },
      select: { userId: true, email: true, username: true },
    });
  }

  async orderOwner(orderId: string): Promise<string | null> {
    const owner = await this.db.orderOwner.findUnique({
      where: { orderId },
      select: { userId: true },
    });
    return owner?.userId ?? null;
  }
}
