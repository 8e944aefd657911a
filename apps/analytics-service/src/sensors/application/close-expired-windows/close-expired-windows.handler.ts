import { Injectable } from '@nestjs/common';
import { closeExpiredWindows } from '../../domain/window-accumulator';
import { raiseAlerts } from '../raise-alerts';
import { SensorSettings } from '../sensor-settings';
import { WindowStore } from '../ports/window-store';

/** Windows closed per transaction, so that a backlog never holds one long transaction. */
const CLOSE_BATCH = 500;

/**
 * Closes every open window that reached its age limit, whichever instance's consumer opened
 * it; safe to run on every instance at once (locked windows are skipped, not waited for).
 */
@Injectable()
export class CloseExpiredWindowsHandler {
  constructor(
    private readonly windows: WindowStore,
    private readonly settings: SensorSettings,
  ) {}

  /** Returns how many windows were closed. */
  async execute(): Promise<number> {
    let total = 0;
    for (;;) {
      const closed = await this.closeSome();
      total += closed;
      if (closed < CLOSE_BATCH) return total;
    }
  }

  private closeSome(): Promise<number> {
    // One version of the runtime settings per transaction.
    const { window: policy, alertThreshold } = this.settings.current();
    return this.windows.inTransaction(async (tx) => {
      const expired = await tx.lockExpiredWindows(policy.maxAgeMs, CLOSE_BATCH);
      if (expired.length === 0) return 0;
      const now = await tx.now();
      const closed = closeExpiredWindows(expired, now, policy);
      await tx.save({
        open: [],
        removed: closed.map((window) => window.sensorId),
        closed,
        alerts: raiseAlerts(closed, alertThreshold, now),
        anomalies: [],
        // Readings older than these windows' ends are late from now on.
        sensors: closed.map((window) => ({
          sensorId: window.sensorId,
          closedUntil: window.windowEnd,
          detector: null,
        })),
      });
      return closed.length;
    });
  }
}
