import { releaseTestBackends } from './run-backends';

export default async function globalTeardown(): Promise<void> {
  await releaseTestBackends();
}
