import { CONSUMER_SERVICES } from '../fault-stack';
import { type Scenario } from '../scenario';
import { killHard, startAgain, startExtraInstance, stopExtraInstance } from '../service-control';
import { faultLoad, PLENTY } from './plans';

export const secondInstanceTakeover: Scenario = {
  name: 'second-instance-takeover',
  title: 'a second instance of every consumer joins mid-load, then the first is killed (-9)',
  quick: false,
  async run({ stack, fixture, load, quick, addOrderServiceUrl, removeOrderServiceUrl }) {
    await load(await fixture(PLENTY), faultLoad(quick), async () => {
      const extras = await Promise.all(CONSUMER_SERVICES.map((s) => startExtraInstance(stack, s)));
      const extraOrderService = extras.find((extra) => extra.service === 'order-service');
      if (extraOrderService) addOrderServiceUrl(extraOrderService.url);
      for (const service of CONSUMER_SERVICES) await killHard(stack, service);
      // The second instances alone carry the load until the group rebalances to them.
      for (const service of CONSUMER_SERVICES) await startAgain(stack, service);
      if (extraOrderService) removeOrderServiceUrl(extraOrderService.url);
      await Promise.all(extras.map((extra) => stopExtraInstance(stack, extra)));
    });
  },
};
