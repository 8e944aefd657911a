import { e2eEnvironment, e2eTarget } from './e2e-target';
import { stackUp } from './stack';

export default async function globalSetup(): Promise<void> {
  const { profile, owned } = e2eTarget(process.env);
  if (owned) {
    await stackUp(profile, (line) => {
      process.stdout.write(`[stack] ${line}\n`);
    });
  }
  // Test workers start after this and inherit the environment.
  Object.assign(process.env, e2eEnvironment(profile));
}
