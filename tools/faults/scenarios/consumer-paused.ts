import { setTimeout as sleep } from 'node:timers/promises';
import { type Scenario } from '../scenario';
import { pidOf, startExtraInstance, stopExtraInstance } from '../service-control';
import { faultLoad, PLENTY } from './plans';

/** Consumer sessions time out after 10 s (libs/messaging); the pause is twice that. */
const PAUSE_MS = 20_000;

export const consumerPaused: Scenario = {
  name: 'consumer-paused',
  title:
    'SIGSTOP of inventory- and payment-service beyond their session timeout, a second instance of each taking over, then SIGCONT',
  quick: false,
  async run({ stack, fixture, load, quick }) {
    await load(await fixture(PLENTY), faultLoad(quick), async () => {
      const services = ['inventory-service', 'payment-service'] as const;
      const extras = await Promise.all(services.map((s) => startExtraInstance(stack, s)));
      const pids = services.map((service) => pidOf(stack, service));
      for (const pid of pids) process.kill(pid, 'SIGSTOP');
      try {
        await sleep(PAUSE_MS); // the fault itself: frozen for longer than the session
      } finally {
        for (const pid of pids) process.kill(pid, 'SIGCONT');
      }
      // The woken members find they were evicted and rejoin; the second instances leave.
      await Promise.all(extras.map((extra) => stopExtraInstance(stack, extra)));
    });
  },
};
