import { type z } from 'zod';
import { type EventDefinition, type PayloadOf } from './define-event';

/**
 * Turns a payload of one published version into the next version of the same event type.
 * Breaking changes add a version plus an upcaster, so old messages (retained on the topic,
 * parked in a DLQ, or from a producer not yet redeployed) stay readable by new consumers.
 */
export interface Upcaster<
  TFrom extends EventDefinition = EventDefinition,
  TTo extends EventDefinition = EventDefinition,
> {
  readonly from: TFrom;
  readonly to: TTo;
  // Method syntax on purpose: it lets specific upcasters sit in a `readonly Upcaster[]`.
  /** Receives a payload already valid for `from`; its result is validated against `to`. */
  upcast(payload: PayloadOf<TFrom>): z.input<TTo['schema']>;
}

/** Declares an upcaster, refusing any that skips a version or changes the event type. */
export function defineUpcaster<TFrom extends EventDefinition, TTo extends EventDefinition>(
  upcaster: Upcaster<TFrom, TTo>,
): Upcaster<TFrom, TTo> {
  const { from, to } = upcaster;
  if (from.type !== to.type) {
    throw new Error(`an upcaster keeps one event type, not "${from.type}" → "${to.type}"`);
  }
  if (to.version !== from.version + 1) {
    throw new Error(
      `an upcaster goes to the next version: "${from.type}" v${from.version} → v${from.version + 1}, not v${to.version}`,
    );
  }
  return upcaster;
}

/** The upcasters that lead from a received version to one the consumer accepts. */
export interface UpcastChain {
  readonly steps: readonly Upcaster[];
  readonly target: EventDefinition;
}

/**
 * Follows upcasters from `type` v`version` until it reaches a version in `accepted`
 * (the first one on the way). Returns undefined when no chain leads there.
 */
export function findUpcastChain(
  type: string,
  version: number,
  accepted: readonly EventDefinition[],
  upcasters: readonly Upcaster[],
): UpcastChain | undefined {
  const steps: Upcaster[] = [];
  let current = version;
  // Each step is taken at most once, so a malformed registry cannot loop forever.
  while (steps.length <= upcasters.length) {
    const target = accepted.find((d) => d.type === type && d.version === current);
    if (target) return { steps, target };
    const step = upcasters.find((u) => u.from.type === type && u.from.version === current);
    if (!step) return undefined;
    steps.push(step);
    current = step.to.version;
  }
  return undefined;
}

/** The payload as the accepted version, or why it could not be brought there. */
export type UpcastResult =
  | { readonly ok: true; readonly payload: unknown }
  | {
      readonly ok: false;
      readonly reason: 'invalid_payload' | 'upcast_failed';
      readonly detail: string;
    };

/**
 * Validates `payload` against the chain's oldest schema, then upcasts it step by step,
 * validating each result against the step's target schema (the last one: the accepted
 * definition's). Never throws.
 */
export function applyUpcastChain(payload: unknown, chain: UpcastChain): UpcastResult {
  const first = chain.steps[0];
  const original = (first?.from ?? chain.target).schema.safeParse(payload);
  if (!original.success) {
    return { ok: false, reason: 'invalid_payload', detail: original.error.message };
  }
  let current: unknown = original.data;
  for (const [index, step] of chain.steps.entries()) {
    const isLast = index === chain.steps.length - 1;
    const schema = isLast ? chain.target.schema : step.to.schema;
    const label = `"${step.from.type}" v${step.from.version} → v${step.to.version}`;
    let upcast: unknown;
    try {
      upcast = step.upcast(current);
    } catch (error) {
      return { ok: false, reason: 'upcast_failed', detail: `${label}: ${describe(error)}` };
    }
    const parsed = schema.safeParse(upcast);
    if (!parsed.success) {
      return { ok: false, reason: 'upcast_failed', detail: `${label}: ${parsed.error.message}` };
    }
    current = parsed.data;
  }
  return { ok: true, payload: current };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
