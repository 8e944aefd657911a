export interface RetryPolicy {
  /** Attempts per message, the first included, before it is dead-lettered. */
  readonly maxAttempts: number;
  /** Total time one message may spend retrying before it is dead-lettered. */
  readonly maxRetryMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxRetryMs: 15_000,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
};

/** Exponential backoff with full jitter, so retrying instances do not move in lockstep. */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.round(random() * ceiling);
}

/** Whether a message that just failed its `attempt`-th time gets another one. */
export function shouldRetry(
  policy: RetryPolicy,
  attempt: number,
  startedAt: number,
  now: number,
): boolean {
  return attempt < policy.maxAttempts && now - startedAt < policy.maxRetryMs;
}
