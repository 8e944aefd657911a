import { imageOf, resolveTestBackend } from './test-backend';

describe('resolveTestBackend', () => {
  it('takes the back end TEST_BACKEND names', async () => {
    await expect(resolveTestBackend({ TEST_BACKEND: 'local' })).resolves.toBe('local');
    await expect(resolveTestBackend({ TEST_BACKEND: 'containers' })).resolves.toBe('containers');
  });

  it('refuses a back end it does not know, naming the choices', async () => {
    await expect(resolveTestBackend({ TEST_BACKEND: 'podman' })).rejects.toThrow(
      'TEST_BACKEND must be "containers" or "local", not "podman"',
    );
  });
});

describe('imageOf', () => {
  it('runs the official images unless the environment names others, as compose does', () => {
    expect(imageOf('kafka', {})).toBe('apache/kafka:3.9.1');
    expect(imageOf('postgres', {})).toBe('postgres:15');
    expect(imageOf('kafka', { KAFKA_IMAGE: 'kafka-commerce/kafka:3.9.1' })).toBe(
      'kafka-commerce/kafka:3.9.1',
    );
  });
});
