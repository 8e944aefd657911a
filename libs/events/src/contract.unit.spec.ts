import {
  CONTRACT_PATHS,
  readCommittedSnapshots,
  readJsonFileIfPresent,
} from '../scripts/contract-files';
import { ALL_EVENTS } from './catalog';
import {
  buildAsyncApiDocument,
  compareSchemaSnapshots,
  describeSnapshotDrift,
  expectedSchemaSnapshots,
  sameJson,
} from './contracts';
import { TOPICS } from './topics';

// The contract test: published event versions are frozen, and the committed contract files
// (schemas/, asyncapi.json) are exactly what the catalog produces. Failures say what to do.
describe('published event contracts', () => {
  const drift = compareSchemaSnapshots(
    expectedSchemaSnapshots(ALL_EVENTS),
    readCommittedSnapshots(CONTRACT_PATHS.schemasDir),
  );

  it('never changes the schema of a published version', () => {
    expect(describeSnapshotDrift({ ...drift, missing: [], removed: [] })).toEqual([]);
  });

  it('has a committed schema snapshot for every catalog version', () => {
    expect(describeSnapshotDrift({ ...drift, changed: [], removed: [] })).toEqual([]);
  });

  it('never removes a published version', () => {
    expect(describeSnapshotDrift({ ...drift, changed: [], missing: [] })).toEqual([]);
  });

  it('has an up-to-date asyncapi.json', () => {
    const committed = readJsonFileIfPresent(CONTRACT_PATHS.asyncApiFile);
    const current = buildAsyncApiDocument(ALL_EVENTS, Object.values(TOPICS));
    const problems =
      committed !== undefined && sameJson(committed, current)
        ? []
        : ['libs/events/asyncapi.json is out of date: run `pnpm events:generate` and commit it.'];
    expect(problems).toEqual([]);
  });
});
