import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { RUNTIME_SETTINGS_CHANNEL } from './runtime-settings.sql';
import { type SettingsNotice } from './runtime-settings.store';

export interface SettingsNotificationsOptions {
  readonly databaseUrl: string;
  /** A committed change of some scope's settings. */
  readonly onNotice: (notice: SettingsNotice) => void;
  /** The connection is (again) listening: notifications sent while it was down are lost. */
  readonly onListening: () => void;
  /** Wait before connecting again after the connection is lost or cannot be made. */
  readonly retryDelayMs?: number;
}

/** Shown in pg_stat_activity, so that the connection is recognisable. */
export const SETTINGS_LISTENER_APPLICATION = 'runtime-settings-listener';

/**
 * `LISTEN runtime_settings` on a dedicated connection (a pooled one would be handed to
 * others and stop listening), connecting again whenever it is lost.
 */
export class SettingsNotifications {
  private readonly logger = new Logger(SettingsNotifications.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private client: Client | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: SettingsNotificationsOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.listen();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.client?.end().catch(() => undefined);
    await this.loop;
  }

  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({
        connectionString: this.options.databaseUrl,
        application_name: SETTINGS_LISTENER_APPLICATION,
      });
      this.client = client;
      // Without a listener, a lost connection's 'error' would end the process.
      const lost = new Promise<string>((resolve) => {
        client.on('error', (error) => {
          resolve(error.message);
        });
        client.on('end', () => {
          resolve('connection ended');
        });
      });
      client.on('notification', (message) => {
        if (message.channel !== RUNTIME_SETTINGS_CHANNEL) return;
        const notice = parseNotice(message.payload);
        if (notice) this.options.onNotice(notice);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${RUNTIME_SETTINGS_CHANNEL}`);
        this.options.onListening();
        const reason = await lost;
        if (this.isRunning()) this.logger.warn({ reason }, 'settings listener lost; reconnecting');
      } catch (error) {
        if (this.isRunning())
          this.logger.warn(
            { error: describe(error) },
            'settings listener cannot connect; retrying',
          );
      } finally {
        await client.end().catch(() => undefined);
      }
      if (this.isRunning()) await this.pause(this.options.retryDelayMs ?? 1000);
    }
  }

  /** A method, not the field: stop() changes it while the loop awaits. */
  private isRunning(): boolean {
    return this.running;
  }

  /** Sleeps, unless stop() comes first. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function parseNotice(payload: string | undefined): SettingsNotice | undefined {
  try {
    const notice: unknown = JSON.parse(payload ?? '');
    if (
      typeof notice === 'object' &&
      notice !== null &&
      'scope' in notice &&
      'version' in notice &&
      typeof notice.scope === 'string' &&
      typeof notice.version === 'number'
    )
      return { scope: notice.scope, version: notice.version };
  } catch {
    // not ours: ignored
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
