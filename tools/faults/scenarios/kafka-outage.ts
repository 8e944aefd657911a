import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../stack/profile';
import { type Scenario, ScenarioSkipped } from '../scenario';
import { faultLoad, PLENTY } from './plans';

const OUTAGE_MS = 30_000;
const KAFKA_SCRIPT = path.join(REPO_ROOT, 'tools', 'kafka', 'kafka.sh');

export const kafkaOutage: Scenario = {
  name: 'kafka-stopped-30s',
  title: 'the broker stopped for 30 s mid-load (orders are still accepted: outbox)',
  quick: false,
  async run({ stack, fixture, load, quick }) {
    const { kafka } = stack.profile;
    if (kafka.external) throw new ScenarioSkipped('KAFKA_BROKERS given: not our broker to stop');
    await load(await fixture(PLENTY), faultLoad(quick), async () => {
      execFileSync('bash', [KAFKA_SCRIPT, 'stop', '--name', kafka.instance], { stdio: 'ignore' });
      try {
        await sleep(OUTAGE_MS); // the fault itself: the broker is away this long
      } finally {
        execFileSync(
          'bash',
          [KAFKA_SCRIPT, 'start', '--name', kafka.instance, '--port', String(kafka.port)],
          { stdio: 'ignore' },
        );
      }
    });
  },
};
