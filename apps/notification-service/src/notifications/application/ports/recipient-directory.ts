import { type Customer } from '../../domain/notification';

/** Who placed an order, and their contact once it is known. */
export interface OrderCustomer {
  readonly userId: string;
  /** Null while the user's contact (users topic) has not been consumed yet. */
  readonly customer: Customer | null;
}

/** Port: what we know about customers (projections of the users and orders topics). */
export abstract class RecipientDirectory {
  abstract customer(userId: string): Promise<Customer | null>;
  /**
   * The customer of an order, in one look-up; null until its order.created has been
   * consumed.
   */
  abstract orderCustomer(orderId: string): Promise<OrderCustomer | null>;
}
