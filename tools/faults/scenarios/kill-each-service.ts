import { SERVICE_NAMES } from '@kafka-commerce/events';
import { type Scenario } from '../scenario';
import { killHard, startAgain } from '../service-control';
import { faultLoad, PLENTY } from './plans';

export const killEachService: Scenario = {
  name: 'kill-9-each-service',
  title: 'kill -9 of each service in turn mid-load, each started again before the next',
  quick: true,
  async run({ stack, fixture, load, quick }) {
    const victims = quick
      ? (['order-service', 'inventory-service', 'payment-service'] as const)
      : SERVICE_NAMES;
    await load(await fixture(PLENTY), faultLoad(quick), async () => {
      for (const service of victims) {
        await killHard(stack, service);
        await startAgain(stack, service);
      }
    });
  },
};
