import { startEmptyBroker } from '@kafka-commerce/testing';

/**
 * Integration suites use KAFKA_BROKERS when it is given (CI, a running stack); otherwise an
 * empty broker of their own on port 29092, stopped again by the teardown.
 */
export default function globalSetup(): void {
  if (process.env.KAFKA_BROKERS) return;
  process.env.KAFKA_BROKERS = startEmptyBroker('int', 29092);
  process.env.KC_INT_OWNS_BROKER = 'int';
}
