import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type JsonValue, toJsonValue } from '../src/contracts';

/** Where the committed contract files live, independent of the working directory. */
export const CONTRACT_PATHS = {
  schemasDir: path.resolve(__dirname, '..', 'schemas'),
  asyncApiFile: path.resolve(__dirname, '..', 'asyncapi.json'),
} as const;

/** Every committed `*.json` schema snapshot, by file name. */
export function readCommittedSnapshots(dir: string): Map<string, JsonValue> {
  const snapshots = new Map<string, JsonValue>();
  if (!existsSync(dir)) return snapshots;
  for (const fileName of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    snapshots.set(fileName, readJsonFile(path.join(dir, fileName)));
  }
  return snapshots;
}

/** A JSON file's content, or undefined if the file does not exist. */
export function readJsonFileIfPresent(file: string): JsonValue | undefined {
  return existsSync(file) ? readJsonFile(file) : undefined;
}

function readJsonFile(file: string): JsonValue {
  try {
    return toJsonValue(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${file} is not valid JSON`, { cause: error });
  }
}
