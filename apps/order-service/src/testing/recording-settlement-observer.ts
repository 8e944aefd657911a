import { type OrderSettlement } from '../orders/domain/order-settlement';
import { SettlementObserver } from '../orders/application/ports/settlement-observer';

/** Test fake: keeps every settlement it is told of. */
export class RecordingSettlementObserver extends SettlementObserver {
  readonly settlements: OrderSettlement[] = [];

  orderSettled(settlement: OrderSettlement): void {
    this.settlements.push(settlement);
  }
}
