import { Injectable } from '@nestjs/common';
import { NotificationDatabase } from '../../database';
import { type OrderCustomer, RecipientDirectory } from '../application/ports/recipient-directory';
import { type Customer } from '../domain/notification';

// Every customer mail of an order looks its recipient up: one statement each (see
// docs/architecture.md, "Hot paths count round trips").
const CUSTOMER_SQL = `
  SELECT user_id::text AS "userId", email, username
  FROM contacts
  WHERE user_id = $1::uuid`;

// The owner even without a contact, so the caller can tell which projection is behind.
const ORDER_CUSTOMER_SQL = `
  SELECT o.user_id::text AS "userId", c.email, c.username
  FROM order_owners o LEFT JOIN contacts c ON c.user_id = o.user_id
  WHERE o.order_id = $1::uuid`;

interface OrderCustomerRow {
  readonly userId: string;
  readonly email: string | null;
  readonly username: string | null;
}

/** Reads the contact book (contacts module) and the order-owner projection. */
@Injectable()
export class PrismaRecipientDirectory extends RecipientDirectory {
  constructor(private readonly db: NotificationDatabase) {
    super();
  }

  async customer(userId: string): Promise<Customer | null> {
    const [row] = await this.db.$queryRawUnsafe<Customer[]>(CUSTOMER_SQL, userId);
    return row ?? null;
  }

  async orderCustomer(orderId: string): Promise<OrderCustomer | null> {
    const [row] = await this.db.$queryRawUnsafe<OrderCustomerRow[]>(ORDER_CUSTOMER_SQL, orderId);
    if (!row) return null;
    const { userId, email, username } = row;
    return {
      userId,
      customer: email === null || username === null ? null : { userId, email, username },
    };
  }
}
