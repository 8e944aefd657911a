import { type Order } from '../../domain/order';
import { type OrderSettlement, settlementByLatestMove } from '../../domain/order-settlement';

/** Port: told of every order the moment it is settled (e.g. to time the saga). */
export abstract class SettlementObserver {
  abstract orderSettled(settlement: OrderSettlement): void;

  /** Call with every order a use case changed: only a change that settled it is news. */
  orderChanged(order: Order): void {
    const settlement = settlementByLatestMove(order);
    if (settlement) this.orderSettled(settlement);
  }
}
