import { parseArgs } from 'node:util';
import { isBrokerCount, isProfileName, PROFILE_NAMES, resolveProfile } from './profile';
import {
  createTopics,
  restartService,
  stackDown,
  stackUp,
  startOneService,
  stopOneService,
} from './stack';

const PROFILES = `[${PROFILE_NAMES.join('|')}]`;
const USAGE =
  `usage: stack <up|down|topics> ${PROFILES} [--brokers 1|3]` +
  ` | stack <restart|stop|start> <service> ${PROFILES} [--brokers 1|3]`;
const ONE_SERVICE = new Set(['restart', 'stop', 'start']);

/** `pnpm stack:up` / `pnpm stack:down` / `pnpm topics:create`. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { brokers: { type: 'string', default: '1' } },
    allowPositionals: true,
  });
  const [command, ...rest] = positionals;
  const service = ONE_SERVICE.has(command ?? '') ? rest.shift() : undefined;
  const [profileName = 'dev'] = rest;
  // A three-node cluster: `up` starts it, `topics` and `restart` must be told as well.
  const brokers = Number(values.brokers);
  if (!isProfileName(profileName) || !isBrokerCount(brokers)) throw new Error(USAGE);
  const profile = resolveProfile(profileName, process.env, brokers);
  const log = (line: string): void => {
    console.log(line);
  };
  switch (command ?? '') {
    case 'up':
      await stackUp(profile, log);
      log(`\nkafka-commerce (${profile.name}) is up. Stop it with: pnpm stack:down`);
      return;
    case 'down':
      await stackDown(profile, log);
      return;
    case 'restart':
      if (!service) throw new Error(USAGE);
      await restartService(profile, service, log);
      return;
    case 'stop':
      if (!service) throw new Error(USAGE);
      await stopOneService(profile, service, log);
      return;
    case 'start':
      if (!service) throw new Error(USAGE);
      await startOneService(profile, service, log);
      return;
    case 'topics':
      await createTopics(profile, log);
      return;
    default:
      throw new Error(USAGE);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
