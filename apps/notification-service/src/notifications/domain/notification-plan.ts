import {
  type Customer,
  type NotificationChannel,
  type NotificationDraft,
  type NotificationTemplate,
  type RenderedMessage,
} from './notification';
import { type NotifiableFact } from './notifiable-fact';
import {
  lowStockMessage,
  sensorAlertMessage,
  sensorAnomalyMessage,
} from './templates/operations-templates';
import { orderCancelledMessage, orderConfirmedMessage } from './templates/order-templates';
import {
  paymentFailedMessage,
  paymentRefundedMessage,
  paymentSucceededMessage,
} from './templates/payment-templates';
import {
  orderCancelledSms,
  orderConfirmedSms,
  paymentRefundedSms,
} from './templates/sms-templates';
import { welcomeMessage } from './templates/welcome-template';

/**
 * How to find the customer a fact's mail goes to, when the fact does not carry the address
 * itself: order facts name the user, payment facts only the order.
 */
export type CustomerLookup =
  | { readonly by: 'user'; readonly userId: string }
  | { readonly by: 'order'; readonly orderId: string };

export function customerLookupFor(fact: NotifiableFact): CustomerLookup | null {
  switch (fact.kind) {
    case 'order-confirmed':
    case 'order-cancelled':
      return { by: 'user', userId: fact.userId };
    case 'payment-succeeded':
    case 'payment-failed':
    case 'payment-refunded':
      return { by: 'order', orderId: fact.orderId };
    case 'user-registered':
    case 'order-placed':
    case 'stock-ran-low':
    case 'sensor-alert-raised':
    case 'sensor-anomaly-detected':
      return null;
  }
}

/** Who owns an order, learnt when it was placed so payment mail can be addressed. */
export interface OrderOwner {
  readonly orderId: string;
  readonly userId: string;
}

export function orderOwnerFrom(fact: NotifiableFact): OrderOwner | null {
  return fact.kind === 'order-placed' ? { orderId: fact.orderId, userId: fact.userId } : null;
}

export interface PlanContext {
  readonly operationsEmail: string;
  /** The customer found through {@link customerLookupFor}; null when the fact needs none. */
  readonly customer: Customer | null;
}

/**
 * The notifications one fact calls for (possibly none). Pure: the same fact, the same plan.
 * Customer notifications go out on the channels the customer chose: order confirmed,
 * cancelled and refunded by email and/or SMS; payment mail by email only (an SMS customer
 * hears of the outcome through the order's own SMS). The welcome is always an email: it
 * answers the registration, before any choice. Operations mail is email.
 */
export function planNotifications(
  fact: NotifiableFact,
  { operationsEmail, customer }: PlanContext,
): NotificationDraft[] {
  switch (fact.kind) {
    case 'user-registered': {
      const { userId, email, username } = fact;
      const about = { userId };
      return [draft('email', email, userId, 'welcome', welcomeMessage({ username }), about)];
    }
    case 'order-placed':
      return [];
    case 'order-confirmed': {
      const { orderId, totalAmount, itemCount } = fact;
      const to = required(customer, fact.kind);
      return toCustomer(
        to,
        'order-confirmed',
        { orderId },
        {
          email: orderConfirmedMessage({ username: to.username, orderId, totalAmount, itemCount }),
          sms: orderConfirmedSms({ orderId, totalAmount, itemCount }),
        },
      );
    }
    case 'order-cancelled': {
      const { orderId, reason } = fact;
      const to = required(customer, fact.kind);
      return toCustomer(
        to,
        'order-cancelled',
        { orderId },
        {
          email: orderCancelledMessage({ username: to.username, orderId, reason }),
          sms: orderCancelledSms({ orderId, reason }),
        },
      );
    }
    case 'payment-succeeded': {
      const { orderId, amount } = fact;
      const to = required(customer, fact.kind);
      const email = paymentSucceededMessage({ username: to.username, orderId, amount });
      return toCustomer(to, 'payment-succeeded', { orderId }, { email });
    }
    case 'payment-failed': {
      const { orderId, amount, reason } = fact;
      const to = required(customer, fact.kind);
      const email = paymentFailedMessage({
        username: to.username,
        orderId,
        amount,
        reason: reason ?? 'unknown',
      });
      return toCustomer(to, 'payment-failed', { orderId }, { email });
    }
    case 'payment-refunded': {
      const { orderId, amount } = fact;
      const to = required(customer, fact.kind);
      return toCustomer(
        to,
        'payment-refunded',
        { orderId },
        {
          email: paymentRefundedMessage({ username: to.username, orderId, amount }),
          sms: paymentRefundedSms({ orderId, amount }),
        },
      );
    }
    case 'stock-ran-low': {
      // One alert per crossing of the threshold: the product and when it was detected.
      const { productId, detectedAt } = fact;
      const message = lowStockMessage(fact);
      return [emailToOperations(operationsEmail, 'low-stock', message, [productId, detectedAt])];
    }
    case 'sensor-alert-raised': {
      // One alert per sensor window.
      const { sensorId, windowStart } = fact;
      const message = sensorAlertMessage(fact);
      return [emailToOperations(operationsEmail, 'sensor-alert', message, [sensorId, windowStart])];
    }
    case 'sensor-anomaly-detected': {
      // One alert per fault found in a reading.
      const { sensorId, readingAt, fault } = fact;
      const message = sensorAnomalyMessage(fact);
      return [
        emailToOperations(operationsEmail, 'sensor-anomaly', message, [sensorId, readingAt, fault]),
      ];
    }
  }
}

/**
 * What a customer's notification is about: an order (each of its messages announces a fact
 * that happens at most once per order: confirmed, cancelled, charged, refunded) or, for the
 * welcome, the user.
 */
type About = { readonly orderId: string } | { readonly userId: string };

/** A message rendered for each channel it exists on. */
interface Rendered {
  readonly email: RenderedMessage;
  readonly sms?: RenderedMessage;
}

/** One draft per channel the customer chose that the message exists on and can reach. */
function toCustomer(
  customer: Customer,
  template: NotificationTemplate,
  about: About,
  rendered: Rendered,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  const { userId, channels, phone } = customer;
  if (channels.includes('email')) {
    drafts.push(draft('email', customer.email, userId, template, rendered.email, about));
  }
  if (channels.includes('sms') && rendered.sms && phone !== null) {
    drafts.push(draft('sms', phone, userId, template, rendered.sms, about));
  }
  return drafts;
}

function draft(
  channel: NotificationChannel,
  recipient: string,
  userId: string,
  template: NotificationTemplate,
  message: RenderedMessage,
  about: About,
): NotificationDraft {
  const orderId = 'orderId' in about ? about.orderId : null;
  const aboutId = 'orderId' in about ? about.orderId : about.userId;
  return {
    channel,
    template,
    recipient,
    userId,
    orderId,
    // The same fact on every channel: (fact, channel) is what makes each message one.
    factKey: factKey(template, [aboutId]),
    ...message,
  };
}

function emailToOperations(
  address: string,
  template: NotificationTemplate,
  message: RenderedMessage,
  fact: readonly string[],
): NotificationDraft {
  return {
    channel: 'email',
    template,
    recipient: address,
    userId: null,
    orderId: null,
    factKey: factKey(template, fact),
    ...message,
  };
}

/**
 * Built from the fact's business content, never the id of the event that reported it, so
 * that a copy of the event under a fresh id (a producer's retry, a re-driven dead letter)
 * names the same fact.
 */
function factKey(template: NotificationTemplate, fact: readonly string[]): string {
  return [template, ...fact].join(':');
}

/** The caller resolves the customer first (customerLookupFor); a missing one is a bug. */
function required(customer: Customer | null, kind: NotifiableFact['kind']): Customer {
  if (!customer) throw new Error(`${kind} needs its customer resolved before planning`);
  return customer;
}
