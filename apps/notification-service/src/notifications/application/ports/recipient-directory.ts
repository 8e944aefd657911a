import { type Customer } from '../../domain/notification';

/** Port: what we know about customers (projections of the users and orders topics). */
export abstract class RecipientDirectory {
  abstract customer(userId: string): Promise<Customer | null>;
  /** The user who placed the order, once its order.created has been consumed. */
  abstract orderOwner(orderId: string): Promise<string | null>;
}
