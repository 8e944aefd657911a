import { provideTestBackends } from '../testing/run-backends';
import { e2eEnvironment, e2eTarget } from './e2e-target';
import { stackUp } from './stack';

/**
 * The suite's own stack (unless E2E_STACK=running): Kafka and PostgreSQL from the test back
 * end, then databases, migrations, topics, the mail sink and the six services.
 */
export default async function globalSetup(): Promise<void> {
  if (e2eTarget(process.env).owned) {
    await provideTestBackends({ name: 'test', localPort: 19092 });
    await stackUp(e2eTarget(process.env).profile, (line) => {
      process.stdout.write(`[stack] ${line}\n`);
    });
  }
  // Test workers start after this and inherit the environment.
  Object.assign(process.env, e2eEnvironment(e2eTarget(process.env).profile));
}
