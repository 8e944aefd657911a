import { provideTestBackends } from './run-backends';

/** Integration suites: one Kafka and one PostgreSQL for the whole run. */
export default async function globalSetup(): Promise<void> {
  await provideTestBackends({ name: 'int', localPort: 29092 });
}
