import { removeBroker } from '@kafka-commerce/testing';

export default function globalTeardown(): void {
  const owned = process.env.KC_INT_OWNS_BROKER;
  if (owned) removeBroker(owned);
}
