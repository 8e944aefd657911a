import { releaseTestBackends } from '../testing/run-backends';
import { e2eTarget } from './e2e-target';
import { stackDown } from './stack';

export default async function globalTeardown(): Promise<void> {
  const { profile, owned } = e2eTarget(process.env);
  if (owned) await stackDown(profile, () => undefined);
  await releaseTestBackends();
}
