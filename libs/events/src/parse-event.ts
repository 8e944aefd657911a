import { type z } from 'zod';
import { type EventDefinition } from './define-event';
import { envelopeSchema, type EventEnvelope } from './envelope';
import { applyUpcastChain, findUpcastChain, type Upcaster } from './upcast';
import { UPCASTERS } from './upcasters';

export type RejectionReason =
  | 'invalid_json'
  | 'invalid_envelope'
  | 'unknown_type'
  | 'unsupported_version'
  | 'invalid_payload'
  | 'upcast_failed';

export type ParseResult<TDefinitions extends readonly EventDefinition[]> =
  | { readonly ok: true; readonly event: EventOf<TDefinitions[number]> }
  | {
      readonly ok: false;
      readonly reason: RejectionReason;
      readonly detail: string;
      /** The envelope's type, when the envelope itself was valid. */
      readonly type?: string;
    };

/** The envelope type a definition describes, so a `switch (event.type)` narrows the payload. */
export type EventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema>
    ? EventEnvelope<TType, z.infer<TSchema>>
    : never;

export interface ParseOptions {
  /** Upcasters that may bring an older version up to an accepted one; the library's by default. */
  readonly upcasters?: readonly Upcaster[];
}

/**
 * Decodes and validates a message body against the event versions a consumer accepts.
 * An older version is upcast to the first accepted version a chain of upcasters leads to,
 * and comes back with that version number. Never throws: anything it cannot accept comes
 * back with a reason, for the dead-letter topic.
 */
export function parseEvent<const TDefinitions extends readonly EventDefinition[]>(
  body: string | Buffer | null,
  accepted: TDefinitions,
  options: ParseOptions = {},
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
  if (!accepted.some((definition) => definition.type === type)) {
    return {
      ok: false,
      reason: 'unknown_type',
      detail: `no handler for event type "${type}"`,
      type,
    };
  }
  const chain = findUpcastChain(type, version, accepted, options.upcasters ?? UPCASTERS);
  if (!chain) {
    return {
      ok: false,
      reason: 'unsupported_version',
      detail: `"${type}" v${version} is not accepted`,
    };
  }
  const result = applyUpcastChain(payload, chain);
  if (!result.ok) return result;
  const event = {
    ...envelope.data,
    type,
    version: chain.target.version,
    payload: result.payload,
  } as EventOf<TDefinitions[number]>;
  return { ok: true, event };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
