import { type z } from 'zod';
import { type EventDefinition } from './define-event';
import { envelopeSchema, type EventEnvelope } from './envelope';

export type RejectionReason =
  'invalid_json' | 'invalid_envelope' | 'unknown_type' | 'unsupported_version' | 'invalid_payload';

export type ParseResult<TDefinitions extends readonly EventDefinition[]> =
  | { readonly ok: true; readonly event: EventOf<TDefinitions[number]> }
  | { readonly ok: false; readonly reason: RejectionReason; readonly detail: string };

/** The envelope type a definition describes, so a `switch (event.type)` narrows the payload. */
export type EventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema>
    ? EventEnvelope<TType, z.infer<TSchema>>
    : never;

/**
 * Decodes and validates a message body against the event versions a consumer accepts.
 * Never throws: anything it cannot accept comes back with a reason, for the dead-letter topic.
 */
export function parseEvent<const TDefinitions extends readonly EventDefinition[]>(
  body: string | Buffer | null,
  accepted: TDefinitions,
): ParseResult<TDefinitions> {
  let json: unknown;
  try {
    json = JSON.parse(body === null ? '' : body.toString());
  } catch (error) {
    return { ok: false, reason: 'invalid_json', detail: describe(error) };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: 'invalid_envelope', detail: envelope.error.message };
  }
  const { type, version, payload } = envelope.data;
  const ofType = accepted.filter((definition) => definition.type === type);
  const definition = ofType.find((candidate) => candidate.version === version);
  if (!definition) {
    return ofType.length === 0
      ? { ok: false, reason: 'unknown_type', detail: `no handler for event type "${type}"` }
      : {
          ok: false,
          reason: 'unsupported_version',
          detail: `"${type}" v${version} is not accepted`,
        };
  }
  const parsedPayload = definition.schema.safeParse(payload);
  if (!parsedPayload.success) {
    return { ok: false, reason: 'invalid_payload', detail: parsedPayload.error.message };
  }
  const event = { ...envelope.data, type, payload: parsedPayload.data } as EventOf<
    TDefinitions[number]
  >;
  return { ok: true, event };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
