import { Logger } from '@nestjs/common';
import { InMemoryWindowStore } from '../../testing/in-memory-window-store';
import { fixedSensorSettings } from '../../testing/sensor-settings';
import { CloseExpiredWindowsHandler } from '../application/close-expired-windows/close-expired-windows.handler';
import { WindowSweeper } from './window-sweeper';

const settings = fixedSensorSettings();

/** Counts sweeps; each one stays in flight until `finish` is called. */
class SlowCloser extends CloseExpiredWindowsHandler {
  started = 0;
  failNext = false;
  private pending: (() => void)[] = [];

  constructor() {
    super(new InMemoryWindowStore(), settings);
  }

  override execute(): Promise<number> {
    this.started++;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('database unavailable'));
    }
    return new Promise((resolve) => {
      this.pending.push(() => {
        resolve(0);
      });
    });
  }

  finish(): void {
    for (const resolve of this.pending.splice(0)) resolve();
  }
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('WindowSweeper', () => {
  it('sweeps every interval, never two sweeps at once', async () => {
    const closer = new SlowCloser();
    const sweeper = new WindowSweeper(closer, settings);
    sweeper.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1500);
    expect(closer.started).toBe(1);
    closer.finish();
    await jest.advanceTimersByTimeAsync(500);
    expect(closer.started).toBe(2);
    closer.finish();
    await sweeper.onModuleDestroy();
  });

  it('keeps sweeping after a failed sweep', async () => {
    const closer = new SlowCloser();
    closer.failNext = true;
    const sweeper = new WindowSweeper(closer, settings);
    sweeper.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1000);
    expect(closer.started).toBe(2);
    closer.finish();
    await sweeper.onModuleDestroy();
  });

  it('stops at shutdown, waiting for the sweep in flight', async () => {
    const closer = new SlowCloser();
    const sweeper = new WindowSweeper(closer, settings);
    sweeper.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(500);
    let stopped = false;
    const stopping = sweeper.onModuleDestroy().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    closer.finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(5000);
    expect(closer.started).toBe(1);
  });
});
