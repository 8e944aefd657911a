import { Inject, Injectable } from '@nestjs/common';
import { DELIVERY_LEASE_MS } from '../../domain/delivery-schedule';
import { type Customer } from '../../domain/notification';
import { type NotifiableFact } from '../../domain/notifiable-fact';
import {
  type CustomerLookup,
  customerLookupFor,
  orderOwnerFrom,
  planNotifications,
} from '../../domain/notification-plan';
import { DeliverNotificationsHandler } from '../deliver-notifications/deliver-notifications.handler';
import { type CausedEffects, NotificationLog } from '../ports/notification-log';
import { type OrderCustomer, RecipientDirectory } from '../ports/recipient-directory';
import { OPERATIONS_EMAIL } from './operations-email';
import { RecipientNotKnownYetError } from '../notification.errors';

/** A fact to notify about, and the event that reported it (each is applied once). */
export interface ReportedFact {
  readonly eventId: string;
  readonly fact: NotifiableFact;
}

export interface NotifyOnEvents {
  /** The inbox's consumer name. */
  readonly consumer: string;
  /**
   * The facts of a batch of one partition, in order; one when the transport retries an event
   * alone.
   */
  readonly facts: readonly ReportedFact[];
}

/** The recipients a batch needs, looked up in one query per kind. */
interface Recipients {
  readonly byUser: ReadonlyMap<string, Customer>;
  readonly byOrder: ReadonlyMap<string, OrderCustomer>;
}

/**
 * Consumed events → their notifications: stored once, with the inbox claims, in one
 * statement per batch, claimed for their first attempt, then sent after the commit — never
 * inside it. If one event's recipient is not known yet, the whole batch fails and the
 * transport retries its events one at a time, so only that event waits.
 */
@Injectable()
export class NotifyOnEventHandler {
  constructor(
    private readonly directory: RecipientDirectory,
    private readonly log: NotificationLog,
    private readonly delivery: DeliverNotificationsHandler,
    @Inject(OPERATIONS_EMAIL) private readonly operationsEmail: string,
  ) {}

  async execute({ consumer, facts }: NotifyOnEvents): Promise<void> {
    const recipients = await this.recipientsOf(facts.map(({ fact }) => fact));
    const caused: CausedEffects[] = [];
    for (const { eventId, fact } of facts) {
      const lookup = customerLookupFor(fact);
      const notifications = planNotifications(fact, {
        operationsEmail: this.operationsEmail,
        customer: lookup ? customerOf(lookup, recipients) : null,
      });
      const orderOwner = orderOwnerFrom(fact);
      // Nothing to store (e.g. payment mail to an SMS-only customer): no inbox row either.
      if (notifications.length > 0 || orderOwner !== null)
        caused.push({ eventId, effects: { notifications, orderOwner } });
    }
    if (caused.length === 0) return;
    const stored = await this.log.recordOnce(consumer, caused, DELIVERY_LEASE_MS);
    await this.delivery.deliverClaimed(stored);
  }

  private async recipientsOf(facts: readonly NotifiableFact[]): Promise<Recipients> {
    const userIds = new Set<string>();
    const orderIds = new Set<string>();
    for (const lookup of facts.map(customerLookupFor)) {
      if (lookup?.by === 'user') userIds.add(lookup.userId);
      if (lookup?.by === 'order') orderIds.add(lookup.orderId);
    }
    const [byUser, byOrder] = await Promise.all([
      userIds.size > 0 ? this.directory.customers([...userIds]) : new Map<string, Customer>(),
      orderIds.size > 0
        ? this.directory.orderCustomers([...orderIds])
        : new Map<string, OrderCustomer>(),
    ]);
    return { byUser, byOrder };
  }
}

/** The fact's customer; which projection is behind is named, for the retry's log. */
function customerOf(lookup: CustomerLookup, { byUser, byOrder }: Recipients): Customer {
  if (lookup.by === 'user') return contactOf(lookup.userId, byUser.get(lookup.userId));
  const owner = byOrder.get(lookup.orderId);
  if (!owner) throw new RecipientNotKnownYetError(`the owner of order ${lookup.orderId}`);
  return contactOf(owner.userId, owner.customer ?? undefined);
}

function contactOf(userId: string, customer: Customer | undefined): Customer {
  if (!customer) throw new RecipientNotKnownYetError(`the contact of user ${userId}`);
  return customer;
}
