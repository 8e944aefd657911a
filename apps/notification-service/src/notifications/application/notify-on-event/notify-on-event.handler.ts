import { Inject, Injectable } from '@nestjs/common';
import { DELIVERY_LEASE_MS } from '../../domain/delivery-schedule';
import { type Customer } from '../../domain/notification';
import { type NotifiableEvent } from '../../domain/notifiable-event';
import {
  type CustomerLookup,
  customerLookupFor,
  orderOwnerFrom,
  planNotifications,
} from '../../domain/notification-plan';
import { DeliverNotificationsHandler } from '../deliver-notifications/deliver-notifications.handler';
import { NotificationLog } from '../ports/notification-log';
import { RecipientDirectory } from '../ports/recipient-directory';
import { OPERATIONS_EMAIL } from './operations-email.token';
import { RecipientNotKnownYetError } from './recipient-not-known-yet.error';

export interface NotifyOnEvent {
  /** The inbox's consumer name. */
  readonly consumer: string;
  readonly event: NotifiableEvent;
}

/**
 * One consumed event → its notifications: stored once in the consumer's transaction (with
 * the inbox claim), claimed for their first attempt, then sent after the commit — never
 * inside it.
 */
@Injectable()
export class NotifyOnEventHandler {
  constructor(
    private readonly directory: RecipientDirectory,
    private readonly log: NotificationLog,
    private readonly delivery: DeliverNotificationsHandler,
    @Inject(OPERATIONS_EMAIL) private readonly operationsEmail: string,
  ) {}

  async execute({ consumer, event }: NotifyOnEvent): Promise<void> {
    const lookup = customerLookupFor(event);
    const customer = lookup ? await this.find(lookup) : null;
    const notifications = planNotifications(event, {
      operationsEmail: this.operationsEmail,
      customer,
    });
    const orderOwner = orderOwnerFrom(event);
    // Nothing to store (e.g. product.updated): no transaction, no inbox row.
    if (notifications.length === 0 && orderOwner === null) return;
    const stored = await this.log.recordOnce(
      consumer,
      event.eventId,
      { notifications, orderOwner },
      DELIVERY_LEASE_MS,
    );
    await this.delivery.deliverClaimed(stored);
  }

  /** One look-up either way; which projection is behind is named, for the retry's log. */
  private async find(lookup: CustomerLookup): Promise<Customer> {
    if (lookup.by === 'user') {
      return contactOf(lookup.userId, await this.directory.customer(lookup.userId));
    }
    const owner = await this.directory.orderCustomer(lookup.orderId);
    if (owner === null) throw new RecipientNotKnownYetError(`the owner of order ${lookup.orderId}`);
    return contactOf(owner.userId, owner.customer);
  }
}

function contactOf(userId: string, customer: Customer | null): Customer {
  if (!customer) throw new RecipientNotKnownYetError(`the contact of user ${userId}`);
  return customer;
}
