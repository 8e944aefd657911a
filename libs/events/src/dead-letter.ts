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
