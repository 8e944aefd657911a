/**
 * The tables runtime settings live in, in each service's own database. A service's
 * `<timestamp>_runtime_settings` migration contains exactly this SQL (migrations are frozen
 * copies; a unit test keeps them identical); integration tests create the tables from here.
 */
export const RUNTIME_SETTINGS_TABLES_SQL = `
-- The service's settings: one row per scope (the service's name), absent until the first
-- change (the service's environment configuration is in effect until then). "version" goes
-- up by one on every change; instances compare it to know whether they are current.
CREATE TABLE "runtime_settings" (
    "scope" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runtime_settings_pkey" PRIMARY KEY ("scope")
);

-- Every change: who made it, when, and each changed field's value before and after; written
-- in the transaction of the change it records.
CREATE TABLE "runtime_settings_audit" (
    "id" BIGSERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changed_by_user_id" TEXT NOT NULL,
    "changed_by_email" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL,

    CONSTRAINT "runtime_settings_audit_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "runtime_settings_audit_scope_version_key" ON "runtime_settings_audit"("scope", "version");
`;

/**
 * The channel a change is announced on (`NOTIFY`, sent in the change's transaction, so it
 * is delivered once the change commits). The payload is `{"scope": …, "version": …}`.
 */
export const RUNTIME_SETTINGS_CHANNEL = 'runtime_settings';

export const LOAD_SETTINGS_SQL = `
  SELECT version, settings, updated_at AS "updatedAt" FROM runtime_settings WHERE scope = $1`;

/** Makes sure the row exists (version 0: the defaults), so that it can be locked. */
export const ENSURE_SETTINGS_ROW_SQL = `
  INSERT INTO runtime_settings (scope, version, settings) VALUES ($1, 0, '{}')
  ON CONFLICT (scope) DO NOTHING`;

export const LOCK_SETTINGS_SQL = `${LOAD_SETTINGS_SQL} FOR UPDATE`;

export const SAVE_SETTINGS_SQL = `
  UPDATE runtime_settings SET version = version + 1, settings = $2::jsonb, updated_at = now()
  WHERE scope = $1
  RETURNING version, settings, updated_at AS "updatedAt"`;

export const INSERT_AUDIT_SQL = `
  INSERT INTO runtime_settings_audit
    (scope, version, changed_by_user_id, changed_by_email, changed_at, changes)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb)`;

export const NOTIFY_SQL = 'SELECT pg_notify($1, $2)';

export const LIST_AUDIT_SQL = `
  SELECT version, changed_by_user_id AS "userId", changed_by_email AS "email",
         changed_at AS "changedAt", changes
  FROM runtime_settings_audit WHERE scope = $1
  ORDER BY version DESC LIMIT $2`;
