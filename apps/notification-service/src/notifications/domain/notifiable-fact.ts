import { type Money } from '@kafka-commerce/money';

/*
 * What notification-service notifies about, in its own words: the facts other services
 * announce that call for a message (or, for order-placed, teach us an order's owner). The
 * consumers in messaging/ map the events they receive into these.
 */

/** A new user: welcomed by email. */
export interface UserRegistered {
  readonly kind: 'user-registered';
  readonly userId: string;
  readonly email: string;
  readonly username: string;
}

/** An order was placed: who owns it, so that its payment mail can be addressed. */
export interface OrderPlaced {
  readonly kind: 'order-placed';
  readonly orderId: string;
  readonly userId: string;
}

export interface OrderConfirmed {
  readonly kind: 'order-confirmed';
  readonly orderId: string;
  readonly userId: string;
  readonly totalAmount: Money;
  /** Units ordered, all lines together. */
  readonly itemCount: number;
}

export interface OrderCancelled {
  readonly kind: 'order-cancelled';
  readonly orderId: string;
  readonly userId: string;
  /** The saga's reason code, e.g. `out_of_stock`. */
  readonly reason: string;
}

export interface PaymentSucceeded {
  readonly kind: 'payment-succeeded';
  readonly orderId: string;
  readonly amount: Money;
}

export interface PaymentFailed {
  readonly kind: 'payment-failed';
  readonly orderId: string;
  readonly amount: Money;
  /** The payment service's reason code; null when it gave none. */
  readonly reason: string | null;
}

export interface PaymentRefunded {
  readonly kind: 'payment-refunded';
  readonly orderId: string;
  readonly amount: Money;
}

/** A product's available stock fell to or below its threshold. */
export interface StockRanLow {
  readonly kind: 'stock-ran-low';
  readonly productId: string;
  readonly sku: string;
  readonly available: number;
  readonly threshold: number;
  readonly detectedAt: string;
}

/** A sensor window's average temperature was above the alert threshold. */
export interface SensorAlertRaised {
  readonly kind: 'sensor-alert-raised';
  readonly sensorId: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly count: number;
  readonly average: number;
  readonly threshold: number;
}

/** A reading the sensor's own history makes unlikely. */
export interface SensorAnomalyDetected {
  readonly kind: 'sensor-anomaly-detected';
  readonly sensorId: string;
  readonly fault: 'spike' | 'drift' | 'stuck';
  readonly readingAt: string;
  readonly temperature: number;
  readonly expected: number;
  readonly score: number;
}

export type NotifiableFact =
  | UserRegistered
  | OrderPlaced
  | OrderConfirmed
  | OrderCancelled
  | PaymentSucceeded
  | PaymentFailed
  | PaymentRefunded
  | StockRanLow
  | SensorAlertRaised
  | SensorAnomalyDetected;
