import { type OutgoingEvent } from '@kafka-commerce/events';
import {
  type RaisedAlert,
  WindowStore,
  type WindowTransaction,
  type WindowWrite,
} from '../sensors/application/window-store';
import { type ClosedWindow, type OpenWindow } from '../sensors/domain/temperature-window';

interface WindowState {
  processed: Set<string>;
  open: Map<string, OpenWindow>;
  closed: ClosedWindow[];
  alerts: RaisedAlert[];
  outbox: OutgoingEvent[];
}

/** The window store in memory, with a settable clock and all-or-nothing transactions. */
export class InMemoryWindowStore extends WindowStore {
  now = new Date('2026-11-26T10:00:00.000Z');
  /** Sensors whose open window another transaction holds (a sweeper must skip them). */
  readonly heldElsewhere = new Set<string>();
  private state: WindowState = {
    processed: new Set(),
    open: new Map(),
    closed: [],
    alerts: [],
    outbox: [],
  };

  get open(): ReadonlyMap<string, OpenWindow> {
    return this.state.open;
  }
  get closed(): readonly ClosedWindow[] {
    return this.state.closed;
  }
  get alerts(): readonly RaisedAlert[] {
    return this.state.alerts;
  }
  get outbox(): readonly OutgoingEvent[] {
    return this.state.outbox;
  }

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  async inTransaction<T>(work: (tx: WindowTransaction) => Promise<T>): Promise<T> {
    const draft: WindowState = {
      processed: new Set(this.state.processed),
      open: new Map(this.state.open),
      closed: [...this.state.closed],
      alerts: [...this.state.alerts],
      outbox: [...this.state.outbox],
    };
    const result = await work(this.transactionOver(draft));
    this.state = draft;
    return result;
  }

  private transactionOver(draft: WindowState): WindowTransaction {
    const now = this.now;
    return {
      claim: (consumer, eventIds) => {
        const fresh = new Set<string>();
        for (const eventId of eventIds) {
          const key = `${consumer}/${eventId}`;
          if (!draft.processed.has(key)) fresh.add(eventId);
          draft.processed.add(key);
        }
        return Promise.resolve(fresh);
      },
      now: () => Promise.resolve(now),
      lockOpenWindows: (sensorIds) => {
        const found = new Map<string, OpenWindow>();
        for (const sensorId of sensorIds) {
          const window = draft.open.get(sensorId);
          if (window) found.set(sensorId, window);
        }
        return Promise.resolve(found);
      },
      lockExpiredWindows: (maxAgeMs, limit) =>
        Promise.resolve(
          [...draft.open.values()]
            .filter((window) => !this.heldElsewhere.has(window.sensorId))
            .filter((window) => now.getTime() - window.openedAt.getTime() >= maxAgeMs)
            .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
            .slice(0, limit),
        ),
      save: (write: WindowWrite) => {
        for (const sensorId of write.removed) draft.open.delete(sensorId);
        for (const window of write.open) draft.open.set(window.sensorId, window);
        draft.closed.push(...write.closed);
        draft.alerts.push(...write.alerts);
        draft.outbox.push(...write.alerts.map((alert) => alert.event));
        return Promise.resolve();
      },
    };
  }
}
