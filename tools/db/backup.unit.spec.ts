import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backupRoot, findService, readBackup, rewindTarget } from './backup';

const root = mkdtempSync(path.join(tmpdir(), 'kc-backups-'));

function writeBackup(name: string, manifest: unknown): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const MANIFEST = {
  takenAt: '2026-11-30T01:00:00.000Z',
  postgres: { server: '15.20' },
  databases: { 'inventory-service': { database: 'kc_inventory', file: 'inventory-service.dump' } },
};

describe('backups', () => {
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('are found by folder name under the root or by path, and their manifest is read', async () => {
    const dir = writeBackup('2026-11-30T01-00-00.000Z', MANIFEST);

    expect((await readBackup(root, '2026-11-30T01-00-00.000Z')).manifest).toEqual(MANIFEST);
    expect((await readBackup('/elsewhere', dir)).dir).toBe(dir);
  });

  it('name what is wrong: a missing backup, a folder that is not one', async () => {
    writeBackup('not-a-backup', { takenAt: 'yesterday' });

    await expect(readBackup(root, 'missing')).rejects.toThrow(/no backup "missing"/);
    await expect(readBackup(root, 'not-a-backup')).rejects.toThrow(/is not a backup manifest/);
  });

  it('rewind to the backup time minus the lag allowance, or to an ISO time as given', async () => {
    writeBackup('b1', MANIFEST);

    expect(await rewindTarget(root, 'b1', 60_000)).toEqual(new Date('2026-11-30T00:59:00.000Z'));
    expect(await rewindTarget(root, '2026-11-29T10:00:00Z', 60_000)).toEqual(
      new Date('2026-11-29T10:00:00Z'),
    );
    await expect(rewindTarget(root, 'b1', Number.NaN)).rejects.toThrow(/lag allowance/);
  });

  it('live under --dir, else BACKUP_DIR, else backups/ of the repository', () => {
    expect(backupRoot('/a', { BACKUP_DIR: '/b' })).toBe('/a');
    expect(backupRoot(undefined, { BACKUP_DIR: '/b' })).toBe('/b');
    expect(backupRoot(undefined, {})).toBe(path.resolve(__dirname, '../../backups'));
  });

  it('are of services named by folder or schema; an unknown one is listed against the known', () => {
    expect(findService('inventory').name).toBe('inventory-service');
    expect(findService('order-service').schema).toBe('order');
    expect(() => findService('stock')).toThrow(/unknown service "stock" \(one of: user-service/);
  });
});
