import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LiveSettings, type SettingsListener, type SettingsSnapshot } from './live-settings';
import {
  type RuntimeSettingsStore,
  type SettingsActor,
  type SettingsAuditEntry,
  type StoredSettings,
} from './runtime-settings.store';
import {
  decodeSettings,
  planSettingsChange,
  type SettingsDefinition,
  type SettingsShape,
} from './settings-definition';
import { SettingsNotifications } from './settings-notifications';

export interface RuntimeSettingsOptions {
  /** For the dedicated LISTEN connection. */
  readonly databaseUrl: string;
  /** The safety-net poll (default 5 s). */
  readonly pollIntervalMs?: number;
  /** Wait before the listener connects again (default 1 s). */
  readonly reconnectDelayMs?: number;
}

/**
 * A service's runtime settings, changed without a restart, in every instance.
 *
 * Mechanism: one row per service in its own database (`runtime_settings`, with a version
 * incremented by each change) and an audit table, both written in one transaction that also
 * sends `NOTIFY runtime_settings`. Every instance LISTENs on a dedicated connection
 * (reconnecting when it is lost) and reads the row again on a notification, on each
 * reconnection, and every few seconds in any case (comparing the version), so that a
 * notification lost with a connection delays a change by one poll at most. Until the first
 * change, the definition's defaults (the service's environment configuration) are in effect.
 *
 * A service subclasses it once (`class RuntimePaymentSettings extends RuntimeSettings<…> {}`)
 * for a typed injection token, and registers it with RuntimeSettingsModule. Hot paths call
 * `current()` for each event: it never waits.
 */
export class RuntimeSettings<T extends SettingsShape<T>> implements OnModuleInit, OnModuleDestroy {
  private readonly logger: Logger;
  private readonly live: LiveSettings<T>;
  private readonly notifications: SettingsNotifications;

  constructor(
    private readonly store: RuntimeSettingsStore,
    private readonly definition: SettingsDefinition<T>,
    options: RuntimeSettingsOptions,
  ) {
    this.logger = new Logger(`RuntimeSettings(${definition.scope})`);
    this.live = new LiveSettings(store, definition, options);
    this.notifications = new SettingsNotifications({
      databaseUrl: options.databaseUrl,
      retryDelayMs: options.reconnectDelayMs,
      onNotice: (notice) => {
        if (notice.scope === definition.scope) this.live.notified(notice.version);
      },
      onListening: () => {
        this.live.refreshQuietly();
      },
    });
  }

  /** Before the service takes any event: the stored settings are read, the listener started. */
  async onModuleInit(): Promise<void> {
    this.notifications.start();
    await this.live.start();
  }

  /** Before the database closes (the last step of the shutdown sequence). */
  async onModuleDestroy(): Promise<void> {
    await this.notifications.stop();
    await this.live.stop();
  }

  /** The settings in effect now; read it for each event rather than keeping it. */
  current(): T {
    return this.live.current();
  }

  snapshot(): SettingsSnapshot<T> {
    return this.live.snapshot();
  }

  /** Calls `listener` after each change this instance takes; returns what unsubscribes it. */
  onChange(listener: SettingsListener<T>): () => void {
    return this.live.onChange(listener);
  }

  /**
   * Applies a partial change as `actor`, audited; throws InvalidSettingsError (nothing saved)
   * when a field is unknown, of the wrong type or against the definition's rules. A change
   * that sets every field to its current value is no change: no new version, no audit row.
   * Returns the settings then stored; this instance has taken them when it resolves, the
   * others once the notification reaches them.
   */
  async update(
    patch: Readonly<Record<string, unknown>>,
    actor: SettingsActor,
  ): Promise<SettingsSnapshot<T>> {
    const { stored, changed } = await this.store.change(this.definition.scope, actor, (row) => {
      const plan = planSettingsChange(this.definition, this.valuesOf(row), patch);
      return Object.keys(plan.changes).length === 0
        ? null
        : { settings: plan.next, changes: plan.changes };
    });
    if (changed) {
      this.logger.log({ version: stored.version, by: actor.email }, 'settings changed');
      await this.live.refresh().catch((error: unknown) => {
        this.logger.warn({ error: String(error) }, 'changed settings not re-read; next poll will');
      });
    }
    return { values: this.valuesOf(stored), version: stored.version, updatedAt: stored.updatedAt };
  }

  /** The changes, newest first. */
  audit(limit: number): Promise<SettingsAuditEntry[]> {
    return this.store.audit(this.definition.scope, limit);
  }

  private valuesOf(stored: StoredSettings): T {
    return stored.version === 0
      ? this.definition.defaults
      : decodeSettings(this.definition, stored.settings);
  }
}
