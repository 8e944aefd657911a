import { runOnRuntime } from './nest-runtime';
import { type Scenario } from './scenario';

/** The runtime's own cost: fetch, parse + zod validation, Nest dispatch, commit. */
function noopScenario(batch: boolean): Scenario {
  const mode = batch ? 'batch' : 'single';
  return {
    id: `runtime-noop-${mode}`,
    label: batch ? 'runtime, no-op handler, batch: true' : 'runtime, no-op handler, batch: false',
    run: (context, round) =>
      runOnRuntime(context, {
        label: `runtime no-op ${mode} round ${round}`,
        serviceName: `bench-noop-${mode}-${round}`,
        batch,
        createHandler: () => () => undefined,
      }),
  };
}

export const runtimeNoopBatch = noopScenario(true);
export const runtimeNoopSingle = noopScenario(false);
