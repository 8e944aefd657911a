-- libs/platform: RUNTIME_SETTINGS_TABLES_SQL
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
