import { provideTestBackends } from '../testing/run-backends';
import { e2eEnvironment, e2eTarget } from './e2e-target';
import { stackUp } from './stack';

/**
 * The suite's own stack (unless E2E_STACK=running): Kafka and PostgreSQL from the test back
 * end, then databases, migrations, topics, the mail sink and the six services.
 */
export default async function globalSetup(): Promise<void> {
  const { owned } = e2eTarget(process.env);
  if (owned) await provideTestBackends({ name: 'test', localPort: 19092 });
  // Resolved only now: the back ends have just exported KAFKA_BROKERS and POSTGRES_URL.
  const { profile } = e2eTarget(process.env);
  if (owned) {
    await stackUp(profile, (line) => {
      process.stdout.write(`[stack] ${line}\n`);
    });
  }
  // Test workers start after this and inherit the environment.
  Object.assign(process.env, e2eEnvironment(profile));
}
