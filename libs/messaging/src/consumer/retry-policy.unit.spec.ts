import { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry } from './retry-policy';

describe('retry policy', () => {
  const policy = {
    ...DEFAULT_RETRY_POLICY,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    maxAttempts: 5,
    maxRetryMs: 5000,
  };

  it('doubles the delay ceiling per attempt, up to the maximum, with full jitter', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(retryDelayMs(policy, 3, () => 0)).toBe(0);
  });

  it('stops after the last attempt or when the time budget is spent', () => {
    expect(shouldRetry(policy, 4, 0, 100)).toBe(true);
    expect(shouldRetry(policy, 5, 0, 100)).toBe(false);
    expect(shouldRetry(policy, 1, 0, 5000)).toBe(false);
  });
});
