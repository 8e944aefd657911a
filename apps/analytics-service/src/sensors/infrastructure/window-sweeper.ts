import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CloseExpiredWindowsHandler } from '../application/close-expired-windows/close-expired-windows.handler';
import { SensorSettings } from '../application/sensor-settings';

/**
 * Closes windows that reached their age limit even when their sensor went quiet (no reading
 * would otherwise come to close them). Runs on every instance; the store's SKIP LOCKED lets
 * them share the work. Stops before the database closes at shutdown.
 */
@Injectable()
export class WindowSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WindowSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly closeExpired: CloseExpiredWindowsHandler,
    private readonly settings: SensorSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // A sweep slower than the interval is not overlapped by the next one.
      this.inFlight ??= this.sweep().finally(() => {
        this.inFlight = undefined;
      });
    }, this.settings.sweepIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private async sweep(): Promise<void> {
    try {
      const closed = await this.closeExpired.execute();
      if (closed > 0) this.logger.debug({ closed }, 'windows closed by age');
    } catch (error) {
      // The next tick retries; a database outage must not stop the timer.
      this.logger.warn({ error: String(error) }, 'closing expired windows failed');
    }
  }
}
