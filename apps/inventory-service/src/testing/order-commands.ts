import { randomUUID } from 'node:crypto';
import { type OrderCommand } from '../inventory/application/apply-order-commands/apply-order-commands.handler';
import { type ReservationLine } from '../inventory/domain/reservation';

// The commands an order's events become (see messaging/order-events.consumer.ts), each under
// a fresh event id as a new message would bring it.

type CommandOf<TKind extends OrderCommand['kind']> = Extract<OrderCommand, { kind: TKind }>;

/** A new order asking for `lines`. */
export function reserveCommand(
  lines: readonly ReservationLine[],
  orderId: string = randomUUID(),
): CommandOf<'reserve'> {
  return { kind: 'reserve', eventId: randomUUID(), orderId, lines };
}

export function confirmCommand(orderId: string): CommandOf<'confirm'> {
  return { kind: 'confirm', eventId: randomUUID(), orderId };
}

export function releaseCommand(orderId: string): CommandOf<'release'> {
  return { kind: 'release', eventId: randomUUID(), orderId };
}
