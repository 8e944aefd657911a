import {
  type EventEnvelope,
  envelopeSchema,
  orderCreatedV1,
  orderCreatedV1Fixture,
  textSchema,
} from '@kafka-commerce/events';
import { z } from 'zod';
import { type EnvelopeSchema, type Format } from './codec';
import { envelopeSchemaFor, fixtureEnvelope } from './envelope-schema';
import { firstDifference } from './fidelity';

/** The field v2 adds: optional, so v1 data is valid v2 data (an additive change). */
export const ADDED_FIELD = 'giftMessage';
const ADDED_VALUE = 'Happy birthday, Zoë! 🎂';

/** order.created v1 as declared. */
const v1Payload = orderCreatedV1.schema;
/** v2 = v1 plus an optional field at the end (how a new field is normally added). */
const v2AppendedPayload = v1Payload.extend({ [ADDED_FIELD]: textSchema.optional() });
/**
 * v2 with the same field declared second: a harmless change for JSON, Avro (fields matched by
 * name) and MessagePack, but derived protobuf field numbers follow declaration order.
 */
const v2InsertedPayload = z.object(
  insertAfterFirst(v1Payload.shape, ADDED_FIELD, textSchema.optional()),
);

export interface EvolutionCase {
  readonly id: 'v1-to-v2' | 'v2-to-v1' | 'v1-to-v2-inserted';
  readonly title: string;
  readonly writer: EnvelopeSchema;
  readonly reader: EnvelopeSchema;
  readonly readerPayload: z.ZodType;
  readonly written: EventEnvelope;
}

export function evolutionCases(): readonly EvolutionCase[] {
  const v1 = envelopeSchemaFor('order.created v1', v1Payload);
  const v2 = envelopeSchemaFor('order.created v2 (field appended)', v2AppendedPayload);
  const v2Inserted = envelopeSchemaFor('order.created v2 (field inserted)', v2InsertedPayload);
  const v1Envelope = fixtureEnvelope(orderCreatedV1, orderCreatedV1Fixture);
  const v2Envelope = {
    ...v1Envelope,
    payload: { ...orderCreatedV1Fixture, [ADDED_FIELD]: ADDED_VALUE },
  };
  return [
    {
      id: 'v1-to-v2',
      title: 'v1 writer → v2 reader',
      writer: v1,
      reader: v2,
      readerPayload: v2AppendedPayload,
      written: v1Envelope,
    },
    {
      id: 'v2-to-v1',
      title: 'v2 writer (field set) → v1 reader',
      writer: v2,
      reader: v1,
      readerPayload: v1Payload,
      written: v2Envelope,
    },
    {
      id: 'v1-to-v2-inserted',
      title: 'v1 writer → v2 reader, field inserted mid-object',
      writer: v1,
      reader: v2Inserted,
      readerPayload: v2InsertedPayload,
      written: v1Envelope,
    },
  ];
}

/**
 * Writes `written` with the writer's schema, reads it with the reader's, and says what a
 * consumer would get: "works", "works, field dropped", "works, unknown field kept (zod strips
 * it)" or "fails: …" (a decode error, a silently wrong value, or one the reader's zod rejects).
 */
export function runEvolutionCase(format: Format, evolution: EvolutionCase): string {
  let decoded: unknown;
  try {
    const bytes = format.codecFor(evolution.writer).encode(evolution.written);
    decoded = format.readerFor(evolution.writer, evolution.reader)(bytes);
  } catch (error) {
    return `fails: ${describe(error)}`;
  }
  const difference = firstDifference(evolution.written, decoded);
  const dropped = difference?.startsWith(`payload.${ADDED_FIELD}: missing`) === true;
  if (difference && !dropped) return `fails: silently wrong data (${difference})`;
  const parsed = envelopeSchema.extend({ payload: evolution.readerPayload }).safeParse(decoded);
  if (!parsed.success)
    return `fails: reader's zod rejects it (${parsed.error.issues[0]?.message ?? ''})`;
  if (dropped) return 'works, field dropped';
  return evolution.id === 'v2-to-v1' ? 'works, unknown field kept (zod strips it)' : 'works';
}

function insertAfterFirst(
  shape: Readonly<Record<string, z.ZodType>>,
  name: string,
  field: z.ZodType,
): Record<string, z.ZodType> {
  const [first, ...rest] = Object.entries(shape);
  return Object.fromEntries([...(first ? [first] : []), [name, field], ...rest]);
}

export function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 120) ?? '';
}
