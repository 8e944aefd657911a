/** Headers added to a message parked on `<topic>.dlq`, so it can be understood and re-driven. */
export const DEAD_LETTER_HEADERS = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  failedAt: 'dlq-failed-at',
} as const;

export interface DeadLetter {
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  readonly sourceOffset: string;
  readonly key: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** A machine-readable cause: a parse rejection reason or `handler_failed`. */
  readonly reason: string;
  readonly error: string;
  readonly attempts: number;
  readonly consumer: string;
}
