import { stopService } from '../../stack/processes';
import { rewindAllGroups } from '../broker';
import { CONSUMER_SERVICES } from '../fault-stack';
import { type Scenario } from '../scenario';
import { startAgain } from '../service-control';
import { faultLoad, PLENTY } from './plans';

export const replayFromZero: Scenario = {
  name: 'replay-from-offset-0',
  title: 'every consumer group rewound to offset 0 of every topic mid-load (all history again)',
  quick: false,
  async run({ stack, fixture, load, quick, note }) {
    await load(await fixture(PLENTY), faultLoad(quick), async () => {
      // Kafka rewinds only a group without members: the consumers stop (gracefully) first.
      await Promise.all(CONSUMER_SERVICES.map((s) => stopService(stack.profile.stateDir, s)));
      note(`rewound ${await rewindAllGroups(stack)} group/topic pairs to offset 0`);
      for (const service of CONSUMER_SERVICES) await startAgain(stack, service);
    });
  },
};
