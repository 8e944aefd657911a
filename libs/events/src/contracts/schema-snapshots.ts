import { type EventDefinition } from '../define-event';
import { eventJsonSchema } from './event-json-schema';
import { type JsonObject, type JsonValue, sameJson } from './json';

/** The frozen JSON Schema of one published event version, as committed to `schemas/`. */
export interface SchemaSnapshot {
  readonly fileName: string;
  readonly schema: JsonObject;
}

/** How the committed snapshots differ from the catalog; all empty when they agree. */
export interface SnapshotDrift {
  /** A published version whose schema is no longer what was committed. */
  readonly changed: readonly string[];
  /** A catalog version with no committed snapshot yet. */
  readonly missing: readonly string[];
  /** A committed snapshot whose version is gone from the catalog. */
  readonly removed: readonly string[];
}

/** `<type>.v<version>.json`, e.g. `order.created.v1.json`. */
export function schemaFileName(definition: EventDefinition): string {
  return `${definition.type}.v${definition.version}.json`;
}

/** The snapshot each catalog version should have, from its current schema. */
export function expectedSchemaSnapshots(definitions: readonly EventDefinition[]): SchemaSnapshot[] {
  return definitions.map((definition) => ({
    fileName: schemaFileName(definition),
    schema: eventJsonSchema(definition),
  }));
}

/** Compares current schemas with the committed ones (by meaning, not formatting). */
export function compareSchemaSnapshots(
  expected: readonly SchemaSnapshot[],
  committed: ReadonlyMap<string, JsonValue>,
): SnapshotDrift {
  const expectedNames = new Set(expected.map((snapshot) => snapshot.fileName));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const { fileName, schema } of expected) {
    const file = committed.get(fileName);
    if (file === undefined) missing.push(fileName);
    else if (!sameJson(file, schema)) changed.push(fileName);
  }
  const removed = [...committed.keys()].filter((name) => !expectedNames.has(name)).sort();
  return { changed, missing, removed };
}

/** One line per problem, telling the developer what to do about it. */
export function describeSnapshotDrift(drift: SnapshotDrift): string[] {
  return [
    ...drift.changed.map(
      (file) =>
        `${file}: the schema of a published event version changed. A published version is frozen — revert the change, or add a v2 with an upcaster instead.`,
    ),
    ...drift.missing.map(
      (file) =>
        `${file}: no committed schema snapshot for this catalog version — run \`pnpm events:generate\` and commit libs/events/schemas/${file}.`,
    ),
    ...drift.removed.map(
      (file) =>
        `${file}: committed schema has no catalog version — a published version was removed. Messages of that version may still arrive: put it back in EVENT_CATALOG (with an upcaster to its successor).`,
    ),
  ];
}
