import { Logger } from '@nestjs/common';
import { type SettingsReader, type StoredSettings } from './runtime-settings.store';
import { decodeSettings, type SettingsDefinition, type SettingsShape } from './settings-definition';

/** The settings in effect, with the version they were read at (0: the defaults). */
export interface SettingsSnapshot<T> {
  readonly values: T;
  readonly version: number;
  /** Null while the defaults are in effect. */
  readonly updatedAt: Date | null;
}

export type SettingsListener<T> = (
  next: SettingsSnapshot<T>,
  previous: SettingsSnapshot<T>,
) => void;

export interface LiveSettingsOptions {
  /**
   * How often the row is read again whatever the notifications say: the safety net for a
   * notification lost while the listening connection was down.
   */
  readonly pollIntervalMs?: number;
}

export const DEFAULT_SETTINGS_POLL_MS = 5000;

/**
 * One instance's copy of a scope's settings, kept current: it reads the row again when told
 * a new version was committed (`notified`, from LISTEN), when the listening connection is
 * (re)established, and every `pollIntervalMs` in any case. `current()` never waits: hot paths
 * read the latest copy for each event. Reads are serialized and a version is only taken once
 * it differs from the one held, so a slow read never puts an older version back.
 */
export class LiveSettings<T extends SettingsShape<T>> {
  private readonly logger: Logger;
  private snap: SettingsSnapshot<T>;
  private readonly listeners = new Set<SettingsListener<T>>();
  private reading: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly reader: SettingsReader,
    private readonly definition: SettingsDefinition<T>,
    private readonly options: LiveSettingsOptions = {},
  ) {
    this.logger = new Logger(`LiveSettings(${definition.scope})`);
    this.snap = { values: definition.defaults, version: 0, updatedAt: null };
  }

  /** The settings in effect now. */
  current(): T {
    return this.snap.values;
  }

  snapshot(): SettingsSnapshot<T> {
    return this.snap;
  }

  /** Calls `listener` after each change of version is taken; returns what unsubscribes it. */
  onChange(listener: SettingsListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reads the row (failing, the defaults stay in effect until a read succeeds), then polls.
   * Call once; `stop()` ends the polling.
   */
  async start(): Promise<void> {
    await this.refresh().catch((error: unknown) => {
      this.logger.warn({ error: describe(error) }, 'settings not readable yet; defaults in effect');
    });
    this.timer = setInterval(() => {
      this.refreshQuietly();
    }, this.options.pollIntervalMs ?? DEFAULT_SETTINGS_POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([this.reading, this.queued]);
  }

  /** A notification: `version` of the scope was committed. */
  notified(version: number): void {
    if (version !== this.snap.version) this.refreshQuietly();
  }

  /**
   * Resolves after a read that started after this call (one already running may predate a
   * change the caller knows of); calls made during one read share the next.
   */
  refresh(): Promise<void> {
    if (!this.reading) {
      this.reading = this.read().finally(() => {
        this.reading = undefined;
      });
      return this.reading;
    }
    this.queued ??= this.reading
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  /** A refresh nobody waits for: a failure is logged and the next poll tries again. */
  refreshQuietly(): void {
    this.refresh().catch((error: unknown) => {
      this.logger.warn({ error: describe(error) }, 'reading the settings failed; retrying');
    });
  }

  private async read(): Promise<void> {
    this.take(await this.reader.load(this.definition.scope));
  }

  private take(stored: StoredSettings): void {
    if (stored.version === this.snap.version) return;
    const values =
      stored.version === 0
        ? this.definition.defaults
        : decodeSettings(this.definition, stored.settings);
    // Changes were validated field by field before they were stored (and a field nobody
    // changed may hold whatever the environment gave it): only the rules between fields are
    // judged again, against a row edited by hand.
    const errors = this.definition.validate(values, new Set());
    if (errors.length > 0) {
      this.logger.error(
        { version: stored.version, errors },
        'stored settings break the rules; keeping the ones in effect',
      );
      return;
    }
    const previous = this.snap;
    this.snap = { values, version: stored.version, updatedAt: stored.updatedAt };
    this.logger.log({ version: stored.version }, 'settings in effect');
    for (const listener of this.listeners) {
      try {
        listener(this.snap, previous);
      } catch (error) {
        this.logger.error({ error: describe(error) }, 'a settings listener failed');
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
