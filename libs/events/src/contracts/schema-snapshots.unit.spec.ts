import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { type JsonValue } from './json';
import {
  compareSchemaSnapshots,
  describeSnapshotDrift,
  expectedSchemaSnapshots,
  schemaFileName,
} from './schema-snapshots';

const widgetV1 = defineEvent({
  type: 'test.widget-registered',
  version: 1,
  topic: TOPICS.users.name,
  schema: z.object({ widgetId: z.uuid(), name: z.string().min(1), colour: z.string() }),
  key: (payload) => payload.widgetId,
});
const [snapshot] = expectedSchemaSnapshots([widgetV1]);

function committed(entries: Record<string, JsonValue>): Map<string, JsonValue> {
  return new Map(Object.entries(entries));
}

describe('schema snapshots', () => {
  it('names the file <type>.v<version>.json', () => {
    expect(schemaFileName(widgetV1)).toBe('test.widget-registered.v1.json');
  });

  it('is a draft-07 JSON Schema with sorted required fields', () => {
    expect(snapshot!.schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      required: ['colour', 'name', 'widgetId'],
    });
  });

  it('finds no drift when the committed file has the same meaning', () => {
    const reordered = JSON.parse(JSON.stringify(snapshot!.schema, null, 4)) as JsonValue;
    const drift = compareSchemaSnapshots(
      [snapshot!],
      committed({ [snapshot!.fileName]: reordered }),
    );
    expect(describeSnapshotDrift(drift)).toEqual([]);
  });

  it('reports a changed published version as frozen', () => {
    const edited = { ...snapshot!.schema, required: ['widgetId'] };
    const drift = compareSchemaSnapshots([snapshot!], committed({ [snapshot!.fileName]: edited }));
    expect(drift.changed).toEqual([snapshot!.fileName]);
    expect(describeSnapshotDrift(drift).join('\n')).toMatch(/frozen.*add a v2 with an upcaster/);
  });

  it('reports a catalog version without a snapshot, with the command to run', () => {
    const drift = compareSchemaSnapshots([snapshot!], committed({}));
    expect(drift.missing).toEqual([snapshot!.fileName]);
    expect(describeSnapshotDrift(drift).join('\n')).toContain('pnpm events:generate');
  });

  it('reports a snapshot whose version left the catalog', () => {
    const drift = compareSchemaSnapshots([], committed({ 'test.gone.v1.json': {} }));
    expect(drift.removed).toEqual(['test.gone.v1.json']);
    expect(describeSnapshotDrift(drift).join('\n')).toContain('a published version was removed');
  });
});
