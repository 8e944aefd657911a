/**
 * Writes the event contracts: a JSON Schema snapshot per published event version
 * (`libs/events/schemas/<type>.v<version>.json`) and `libs/events/asyncapi.json`.
 *
 * Snapshots are frozen: an existing one that no longer matches its schema (or whose version
 * left the catalog) is reported and nothing is written — add a v2 and an upcaster instead.
 * Run from the repository root: `pnpm events:generate`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ALL_EVENTS } from '../src/catalog';
import {
  buildAsyncApiDocument,
  compareSchemaSnapshots,
  describeSnapshotDrift,
  expectedSchemaSnapshots,
  type JsonValue,
  toCanonicalJson,
} from '../src/contracts';
import { TOPICS } from '../src/topics';
import { CONTRACT_PATHS, readCommittedSnapshots } from './contract-files';

async function main(): Promise<number> {
  const { schemasDir, asyncApiFile } = CONTRACT_PATHS;
  const expected = expectedSchemaSnapshots(ALL_EVENTS);
  const drift = compareSchemaSnapshots(expected, readCommittedSnapshots(schemasDir));
  const blocking = describeSnapshotDrift({ ...drift, missing: [] });
  if (blocking.length > 0) {
    for (const problem of blocking) console.error(`error: ${problem}`);
    console.error('Nothing was written.');
    return 1;
  }
  mkdirSync(schemasDir, { recursive: true });
  for (const snapshot of expected.filter((s) => drift.missing.includes(s.fileName))) {
    const file = path.join(schemasDir, snapshot.fileName);
    writeFileSync(file, await formatJson(file, snapshot.schema));
    console.log(`added ${path.relative(process.cwd(), file)}`);
  }
  const document = buildAsyncApiDocument(ALL_EVENTS, Object.values(TOPICS));
  const text = await formatJson(asyncApiFile, document);
  const current = existsSync(asyncApiFile) ? readFileSync(asyncApiFile, 'utf8') : undefined;
  if (current === text) {
    console.log(`${path.relative(process.cwd(), asyncApiFile)} is up to date`);
  } else {
    writeFileSync(asyncApiFile, text);
    console.log(`wrote ${path.relative(process.cwd(), asyncApiFile)}`);
  }
  return 0;
}

/** Canonical JSON (sorted keys), then the repository's prettier style, so `format` is a no-op. */
async function formatJson(file: string, value: JsonValue): Promise<string> {
  const options = await resolveConfig(file);
  return format(toCanonicalJson(value), { ...options, filepath: file });
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
