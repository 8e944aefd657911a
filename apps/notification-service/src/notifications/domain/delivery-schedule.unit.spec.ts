import { MAX_DELIVERY_ATTEMPTS, retryDelayAfterFailure } from './delivery-schedule';

describe('retryDelayAfterFailure', () => {
  it('doubles from 5 seconds up to a 10-minute ceiling', () => {
    expect(retryDelayAfterFailure(1)).toBe(5_000);
    expect(retryDelayAfterFailure(2)).toBe(10_000);
    expect(retryDelayAfterFailure(3)).toBe(20_000);
    expect(retryDelayAfterFailure(MAX_DELIVERY_ATTEMPTS - 1)).toBe(600_000);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelayAfterFailure(MAX_DELIVERY_ATTEMPTS)).toBeNull();
    expect(retryDelayAfterFailure(MAX_DELIVERY_ATTEMPTS + 1)).toBeNull();
  });
});
