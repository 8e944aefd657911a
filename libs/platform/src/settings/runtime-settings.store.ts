import { type RawSqlClient, transactOnPool } from '@kafka-commerce/messaging';
import { type Pool } from 'pg';
import {
  ENSURE_SETTINGS_ROW_SQL,
  INSERT_AUDIT_SQL,
  LIST_AUDIT_SQL,
  LOAD_SETTINGS_SQL,
  LOCK_SETTINGS_SQL,
  NOTIFY_SQL,
  RUNTIME_SETTINGS_CHANNEL,
  SAVE_SETTINGS_SQL,
} from './runtime-settings.sql';
import { type FieldChange } from './settings-definition';

/** A scope's row as stored; version 0 and no settings until the first change. */
export interface StoredSettings {
  readonly version: number;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Null until the first change. */
  readonly updatedAt: Date | null;
}

/** Who changes settings: the admin behind the request's access token. */
export interface SettingsActor {
  readonly userId: string;
  readonly email: string;
}

export interface SettingsAuditEntry {
  /** The version the change made. */
  readonly version: number;
  readonly changedAt: Date;
  readonly changedBy: SettingsActor;
  readonly changes: Readonly<Record<string, FieldChange>>;
}

/**
 * What a change decides, given the row as it is (locked): the whole next settings document
 * and what changed, or null to change nothing. It may throw to refuse the change.
 */
export type SettingsDecision = (current: StoredSettings) => {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly changes: Readonly<Record<string, FieldChange>>;
} | null;

/** The notification a change sends; what instances of the scope listen for. */
export interface SettingsNotice {
  readonly scope: string;
  readonly version: number;
}

export const NO_SETTINGS: StoredSettings = { version: 0, settings: {}, updatedAt: null };

interface StoredRow {
  version: number;
  settings: Record<string, unknown>;
  updatedAt: Date;
}

interface AuditRow {
  version: number;
  userId: string;
  email: string;
  changedAt: Date;
  changes: Record<string, FieldChange>;
}

/** Reads a scope's settings; what the live cache needs from the store. */
export interface SettingsReader {
  load(scope: string): Promise<StoredSettings>;
}

/**
 * Runtime settings in the service's own database (see RUNTIME_SETTINGS_TABLES_SQL), over the
 * service's pool. A change is one transaction: the row locked, the new version written, the
 * audit row inserted and `NOTIFY runtime_settings` sent — PostgreSQL delivers the
 * notification only when (and if) the transaction commits.
 */
export class RuntimeSettingsStore implements SettingsReader {
  constructor(private readonly pool: Pool) {}

  async load(scope: string): Promise<StoredSettings> {
    const { rows } = await this.pool.query<StoredRow>(LOAD_SETTINGS_SQL, [scope]);
    return toStored(rows[0]);
  }

  /**
   * Changes a scope's settings as `decide` says, under the row's lock (concurrent changes
   * apply one after the other, each to the settings the previous one left). Returns the row
   * as it then is, and whether it changed.
   */
  change(
    scope: string,
    actor: SettingsActor,
    decide: SettingsDecision,
  ): Promise<{ readonly stored: StoredSettings; readonly changed: boolean }> {
    return transactOnPool(this.pool, async (sql) => {
      await sql.$executeRawUnsafe(ENSURE_SETTINGS_ROW_SQL, scope);
      const locked = await sql.$queryRawUnsafe<StoredRow[]>(LOCK_SETTINGS_SQL, scope);
      const current = toStored(locked[0]);
      const decision = decide(current);
      if (decision === null) return { stored: current, changed: false };
      const settings = JSON.stringify(decision.settings);
      const written = await sql.$queryRawUnsafe<StoredRow[]>(SAVE_SETTINGS_SQL, scope, settings);
      const saved = toStored(written[0]);
      await audit(sql, scope, actor, saved, decision.changes);
      const notice: SettingsNotice = { scope, version: saved.version };
      await sql.$queryRawUnsafe(NOTIFY_SQL, RUNTIME_SETTINGS_CHANNEL, JSON.stringify(notice));
      return { stored: saved, changed: true };
    });
  }

  /** The scope's changes, newest first. */
  async audit(scope: string, limit: number): Promise<SettingsAuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>(LIST_AUDIT_SQL, [scope, limit]);
    return rows.map((row) => ({
      version: row.version,
      changedAt: row.changedAt,
      changedBy: { userId: row.userId, email: row.email },
      changes: row.changes,
    }));
  }
}

async function audit(
  sql: RawSqlClient,
  scope: string,
  actor: SettingsActor,
  saved: StoredSettings,
  changes: Readonly<Record<string, FieldChange>>,
): Promise<void> {
  await sql.$executeRawUnsafe(
    INSERT_AUDIT_SQL,
    scope,
    saved.version,
    actor.userId,
    actor.email,
    saved.updatedAt,
    JSON.stringify(changes),
  );
}

/** A row that is not there, or was only created to be locked (version 0), holds nothing. */
function toStored(row: StoredRow | undefined): StoredSettings {
  if (!row || row.version === 0) return NO_SETTINGS;
  return { version: row.version, settings: row.settings, updatedAt: row.updatedAt };
}
