import { prepareDatabases } from '../stack/databases';
import { resolveProfile } from '../stack/profile';

/** `pnpm db:migrate [dev|test]`: create and migrate every service's database. */
async function main(): Promise<void> {
  const [command, profileName = 'dev'] = process.argv.slice(2);
  if (command !== 'migrate' || (profileName !== 'dev' && profileName !== 'test')) {
    throw new Error('usage: db migrate [dev|test]');
  }
  await prepareDatabases(resolveProfile(profileName, process.env), (line) => {
    console.log(line);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
