import { z } from 'zod';

/** A TCP port given as an environment variable. */
export const portVariable = (defaultPort: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(1, 'must be a port number between 1 and 65535')
    .max(65535, 'must be a port number between 1 and 65535')
    .default(defaultPort);

/** A PostgreSQL connection URL (required: each service owns its own database). */
export const postgresUrlVariable = z
  .string({ error: 'is required (a postgresql:// connection URL)' })
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
    error: 'must be a postgresql:// connection URL',
  });

/** Comma-separated `host:port` list of Kafka bootstrap brokers. */
export const kafkaBrokersVariable = z
  .string()
  .default('127.0.0.1:9092')
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
  )
  .refine(
    (brokers) => brokers.length > 0 && brokers.every((broker) => /^[^\s:]+:\d+$/.test(broker)),
    {
      error: 'must be a comma-separated list of host:port',
    },
  );

/** A PEM key; `\\n` escapes are accepted so a key fits on one line of an .env file. */
export const pemKeyVariable = z
  .string({ error: 'is required (a PEM key)' })
  .transform((value) => value.replaceAll('\\n', '\n').trim())
  .refine((value) => /^-----BEGIN [A-Z ]+-----\n[\s\S]+\n-----END [A-Z ]+-----$/.test(value), {
    error: 'must be a PEM key (-----BEGIN … -----END …)',
  });

export const logLevelVariable = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

/** The variables every service reads; a service extends this with its own. */
export function serviceEnvSchema(defaults: { port: number }) {
  return z.object({
    PORT: portVariable(defaults.port),
    DATABASE_URL: postgresUrlVariable,
    KAFKA_BROKERS: kafkaBrokersVariable,
    LOG_LEVEL: logLevelVariable,
    /**
     * A consumer's fetch returns once this many bytes are there or the wait is over: fuller
     * fetches cost the broker and the service less CPU per event, waits add latency per hop.
     * kafkajs' defaults (answer at the first byte, long-poll 5 s when idle) favour latency.
     */
    KAFKA_FETCH_MIN_BYTES: z.coerce.number().int().min(1).max(10_485_760).default(1),
    KAFKA_FETCH_MAX_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5000),
    /** Verifies access tokens; only user-service can sign them. */
    JWT_PUBLIC_KEY: pemKeyVariable,
  });
}

/** The configuration every service has, whatever it adds of its own. */
export type ServiceEnv = z.infer<ReturnType<typeof serviceEnvSchema>>;
