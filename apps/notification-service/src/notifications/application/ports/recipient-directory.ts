import { type Customer } from '../../domain/notification';

/** Who placed an order, and their contact once it is known. */
export interface OrderCustomer {
  readonly userId: string;
  /** Null while the user's contact (users topic) has not been consumed yet. */
  readonly customer: Customer | null;
}

/**
 * Port: what we know about customers (projections of the users and orders topics). Looked up
 * for a whole batch of events at once; an id that is not known yet is absent from the map.
 */
export abstract class RecipientDirectory {
  abstract customers(userIds: readonly string[]): Promise<ReadonlyMap<string, Customer>>;
  /** The customers of orders; an order is absent until its order.created has been consumed. */
  abstract orderCustomers(orderIds: readonly string[]): Promise<ReadonlyMap<string, OrderCustomer>>;
}
