import {
  type OrderCustomer,
  RecipientDirectory,
} from '../notifications/application/ports/recipient-directory';
import { type Customer } from '../notifications/domain/notification';
import { type InMemoryNotificationState } from './in-memory-notification-state';

/** RecipientDirectory over the in-memory contacts and order owners. */
export class InMemoryRecipientDirectory extends RecipientDirectory {
  constructor(private readonly state: InMemoryNotificationState) {
    super();
  }

  customers(userIds: readonly string[]): Promise<ReadonlyMap<string, Customer>> {
    const known = userIds.flatMap((userId) => {
      const customer = this.state.customers.get(userId);
      return customer ? [[userId, customer] as const] : [];
    });
    return Promise.resolve(new Map(known));
  }

  orderCustomers(orderIds: readonly string[]): Promise<ReadonlyMap<string, OrderCustomer>> {
    const known = orderIds.flatMap((orderId) => {
      const userId = this.state.owners.get(orderId);
      if (userId === undefined) return [];
      const owner = { userId, customer: this.state.customers.get(userId) ?? null };
      return [[orderId, owner] as const];
    });
    return Promise.resolve(new Map(known));
  }
}
