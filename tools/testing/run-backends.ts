import {
  startTestBackends,
  type TestBackends,
  type TestBrokerOptions,
} from '@kafka-commerce/testing';

declare global {
  // Jest runs global setup and teardown in one process, in separate module registries.
  // eslint-disable-next-line no-var -- a declared global is a var
  var kafkaCommerceTestBackends: TestBackends | undefined;
}

/**
 * Starts Kafka and PostgreSQL for this jest run (see startTestBackends) and exports their
 * settings to the environment, which the test workers inherit.
 */
export async function provideTestBackends(localBroker: TestBrokerOptions): Promise<void> {
  const backends = await startTestBackends(process.env, localBroker);
  process.stdout.write(`\n${backends.description}\n`);
  Object.assign(process.env, backends.env);
  globalThis.kafkaCommerceTestBackends = backends;
}

export async function releaseTestBackends(): Promise<void> {
  await globalThis.kafkaCommerceTestBackends?.stop();
  globalThis.kafkaCommerceTestBackends = undefined;
}
