import { prepareDatabases } from '../stack/databases';
import { isProfileName, PROFILE_NAMES, resolveProfile } from '../stack/profile';

/** `pnpm db:migrate [profile]`: create and migrate every service's database. */
async function main(): Promise<void> {
  const [command, profileName = 'dev'] = process.argv.slice(2);
  if (command !== 'migrate' || !isProfileName(profileName)) {
    throw new Error(`usage: db migrate [${PROFILE_NAMES.join('|')}]`);
  }
  await prepareDatabases(resolveProfile(profileName, process.env), (line) => {
    console.log(line);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
