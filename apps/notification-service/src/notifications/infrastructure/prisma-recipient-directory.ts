import { Injectable } from '@nestjs/common';
import { NotificationDatabase } from '../../database';
import { type OrderCustomer, RecipientDirectory } from '../application/ports/recipient-directory';
import { CUSTOMER_CHANNELS, type Customer } from '../domain/notification';

// A batch's recipients in one statement per kind (see docs/architecture.md, "Hot paths
// count round trips").
const CUSTOMERS_SQL = `
  SELECT user_id::text AS "userId", email, username, phone,
         notification_channels AS channels
  FROM contacts
  WHERE user_id = ANY($1::uuid[])`;

// The owner even without a contact, so the caller can tell which projection is behind.
const ORDER_CUSTOMERS_SQL = `
  SELECT o.order_id::text AS "orderId", o.user_id::text AS "userId", c.email, c.username,
         c.phone, c.notification_channels AS channels
  FROM order_owners o LEFT JOIN contacts c ON c.user_id = o.user_id
  WHERE o.order_id = ANY($1::uuid[])`;

interface CustomerRow {
  readonly userId: string;
  readonly email: string;
  readonly username: string;
  readonly phone: string | null;
  readonly channels: readonly string[] | null;
}

interface OrderCustomerRow {
  readonly orderId: string;
  readonly userId: string;
  readonly email: string | null;
  readonly username: string | null;
  readonly phone: string | null;
  readonly channels: readonly string[] | null;
}

/** Reads the contact book and the order-owner projection. */
@Injectable()
export class PrismaRecipientDirectory extends RecipientDirectory {
  constructor(private readonly db: NotificationDatabase) {
    super();
  }

  async customers(userIds: readonly string[]): Promise<ReadonlyMap<string, Customer>> {
    const rows = await this.db.$queryRawUnsafe<CustomerRow[]>(CUSTOMERS_SQL, userIds);
    return new Map(rows.map((row) => [row.userId, toCustomer(row)]));
  }

  async orderCustomers(orderIds: readonly string[]): Promise<ReadonlyMap<string, OrderCustomer>> {
    const rows = await this.db.$queryRawUnsafe<OrderCustomerRow[]>(ORDER_CUSTOMERS_SQL, orderIds);
    return new Map(
      rows.map(({ orderId, userId, email, username, phone, channels }) => [
        orderId,
        {
          userId,
          customer:
            email === null || username === null
              ? null
              : toCustomer({ userId, email, username, phone, channels }),
        },
      ]),
    );
  }
}

function toCustomer({ userId, email, username, phone, channels }: CustomerRow): Customer {
  return {
    userId,
    email,
    username,
    phone,
    // Known channels only, in one order; a row from before channels existed has email.
    channels: CUSTOMER_CHANNELS.filter((channel) => (channels ?? ['email']).includes(channel)),
  };
}
