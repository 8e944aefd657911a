import { z } from 'zod';

/**
 * The metadata every message carries, whatever its type. `correlationId` ties together
 * everything that one request started; `causationId` names the event that caused this one
 * (null for an event started by a client request).
 */
export const envelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  payload: z.unknown(),
});

export type EnvelopeMetadata = Omit<z.infer<typeof envelopeSchema>, 'payload' | 'type' | 'version'>;

/** A validated event of one declared type and version. */
export interface EventEnvelope<
  TType extends string = string,
  TPayload = unknown,
> extends EnvelopeMetadata {
  readonly type: TType;
  readonly version: number;
  readonly payload: TPayload;
}

/** Kafka header names that mirror routing fields, so tools can route without parsing bodies. */
export const EVENT_HEADERS = {
  eventId: 'event-id',
  type: 'event-type',
  version: 'event-version',
  producer: 'producer',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;
