import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first defined value', async () => {
    let calls = 0;
    const value = await waitFor(() => Promise.resolve(++calls === 3 ? 'ready' : undefined), {
      intervalMs: 1,
    });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('retries a probe that throws', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls++;
        return calls < 2 ? Promise.reject(new Error('not yet')) : Promise.resolve(calls);
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(2);
  });

  it('fails with the description and the last error when time runs out', async () => {
    await expect(
      waitFor(() => Promise.reject(new Error('still down')), {
        timeoutMs: 20,
        intervalMs: 5,
        description: 'the broker',
      }),
    ).rejects.toThrow('timed out after 20 ms waiting for the broker (last error: still down)');
  });
});
