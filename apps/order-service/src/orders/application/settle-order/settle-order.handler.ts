import { Injectable, Logger } from '@nestjs/common';
import { cancelPending, confirm } from '../../domain/order-transitions';
import { orderCancelled, orderConfirmed } from '../order-events';
import { type OrderChange, OrderRepository, type UpdateOutcome } from '../ports/order-repository';
import { SettlementObserver } from '../ports/settlement-observer';

/** What the saga decided for a PENDING order. */
export type SagaOutcome =
  { readonly kind: 'confirm' } | { readonly kind: 'cancel'; readonly reason: string };

/** One saga event's verdict on its order. */
export interface Settlement {
  /** The consumed event: claimed once, and the cause of whatever this publishes. */
  readonly eventId: string;
  readonly orderId: string;
  readonly outcome: SagaOutcome;
}

export interface SettleOrder extends Settlement {
  /** Inbox consumer name of the caller; never changes, or events would apply again. */
  readonly consumer: string;
}

/** Settles PENDING orders from saga events; a settled order is left as it is. */
@Injectable()
export class SettleOrderHandler {
  private readonly logger = new Logger(SettleOrderHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly settlementObserver: SettlementObserver,
  ) {}

  async execute({ consumer, ...settlement }: SettleOrder): Promise<UpdateOutcome> {
    const [result] = await this.executeAll(consumer, [settlement]);
    return result ?? { kind: 'not_found' };
  }

  /** A batch of saga events in one transaction; one outcome per settlement, in order. */
  async executeAll(consumer: string, settlements: readonly Settlement[]): Promise<UpdateOutcome[]> {
    const results = await this.orders.updateAll(
      consumer,
      settlements.map(({ eventId, orderId, outcome }) => ({
        eventId,
        orderId,
        change: changeFor(eventId, outcome),
      })),
    );
    results.forEach((result, index) => {
      const settlement = settlements[index];
      if (settlement) this.log(settlement, result);
      if (result.kind === 'changed') this.settlementObserver.orderChanged(result.order);
    });
    return results;
  }

  private log({ eventId, orderId, outcome }: Settlement, result: UpdateOutcome): void {
    switch (result.kind) {
      case 'changed':
        this.logger.debug({ orderId, eventId, status: result.order.status }, 'order settled');
        break;
      case 'unchanged':
        this.logger.debug(
          { orderId, eventId, status: result.order.status, outcome: outcome.kind },
          'order already settled; event ignored',
        );
        break;
      case 'not_found':
        // Only order-service creates orders, so this is someone else's test data or a
        // foreign environment's event; retrying would never help.
        this.logger.warn({ orderId, eventId }, 'saga event for an unknown order ignored');
        break;
      case 'duplicate':
        break;
    }
  }
}

function changeFor(eventId: string, outcome: SagaOutcome): OrderChange {
  return (order) => {
    const at = new Date();
    switch (outcome.kind) {
      case 'confirm': {
        const confirmed = confirm(order, at);
        return confirmed && { order: confirmed, events: [orderConfirmed(confirmed, eventId)] };
      }
      case 'cancel': {
        const cancelled = cancelPending(order, outcome.reason, at);
        return cancelled && { order: cancelled, events: [orderCancelled(cancelled, eventId)] };
      }
    }
  };
}
