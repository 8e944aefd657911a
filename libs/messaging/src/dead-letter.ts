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
