import { type z } from 'zod';
import { serviceEnvSchema } from './env-schemas';
import { ConfigError, parseConfig } from './parse-config';

const schema = serviceEnvSchema({ port: 3001 });
const PUBLIC_KEY =
  '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';
const validEnv = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/kc_user',
  JWT_PUBLIC_KEY: PUBLIC_KEY,
};

function problemsOf(
  env: Record<string, string | undefined>,
  against: z.ZodType = schema,
): string[] {
  try {
    parseConfig(against, env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseConfig with the service schema', () => {
  it('applies defaults for everything but the database', () => {
    expect(parseConfig(schema, validEnv)).toEqual({
      PORT: 3001,
      DATABASE_URL: validEnv.DATABASE_URL,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_FETCH_MIN_BYTES: 1,
      KAFKA_FETCH_MAX_WAIT_MS: 5000,
      LOG_LEVEL: 'info',
      JWT_PUBLIC_KEY: PUBLIC_KEY,
    });
  });

  it('parses a broker list and a port', () => {
    const config = parseConfig(schema, {
      ...validEnv,
      PORT: '4000',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
    });
    expect(config.PORT).toBe(4000);
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9092']);
  });

  it('names each missing required variable', () => {
    expect(problemsOf({})).toEqual([
      expect.stringMatching(/^DATABASE_URL: is required/),
      expect.stringMatching(/^JWT_PUBLIC_KEY: is required/),
    ]);
  });

  it('accepts a PEM key written on one line with \\n escapes', () => {
    const oneLine = PUBLIC_KEY.replaceAll('\n', '\\n');
    expect(parseConfig(schema, { ...validEnv, JWT_PUBLIC_KEY: oneLine }).JWT_PUBLIC_KEY).toBe(
      PUBLIC_KEY,
    );
  });

  it('rejects a key that is not PEM', () => {
    expect(problemsOf({ ...validEnv, JWT_PUBLIC_KEY: 'secret' })).toEqual([
      'JWT_PUBLIC_KEY: must be a PEM key (-----BEGIN … -----END …)',
    ]);
  });

  it('reports every invalid variable at once, each by name', () => {
    const problems = problemsOf({
      JWT_PUBLIC_KEY: PUBLIC_KEY,
      DATABASE_URL: 'mysql://nope',
      PORT: 'eighty',
      KAFKA_BROKERS: 'no-port-here',
      LOG_LEVEL: 'loud',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'LOG_LEVEL',
      'PORT',
    ]);
  });

  it('rejects a port out of range', () => {
    expect(problemsOf({ ...validEnv, PORT: '70000' })).toEqual([
      'PORT: must be a port number between 1 and 65535',
    ]);
  });

  it('puts all problems in the error message', () => {
    expect(() => parseConfig(schema, { PORT: '0' })).toThrow(
      /PORT: .*\n.*DATABASE_URL: .*\n.*JWT_PUBLIC_KEY: /s,
    );
  });
});
