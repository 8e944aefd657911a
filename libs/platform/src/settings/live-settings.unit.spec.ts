import { Logger } from '@nestjs/common';
import { LiveSettings, type SettingsSnapshot } from './live-settings';
import { NO_SETTINGS, type SettingsReader, type StoredSettings } from './runtime-settings.store';
import { type SettingsDefinition } from './settings-definition';

interface Sample {
  readonly threshold: number;
  readonly min: number;
  readonly max: number;
}

const definition: SettingsDefinition<Sample> = {
  scope: 'sample-service',
  defaults: { threshold: 80, min: -10, max: 10 },
  validate: (candidate) =>
    candidate.min < candidate.max ? [] : [{ field: 'min', messages: ['min must be below max'] }],
};

function version(number: number, settings: Partial<Sample>): StoredSettings {
  return { version: number, settings, updatedAt: new Date(Date.UTC(2026, 11, 16, 10, number)) };
}

/** The store as the cache sees it; a read sees the row as it was when the read began. */
class InMemorySettingsReader implements SettingsReader {
  stored: StoredSettings = NO_SETTINGS;
  loads = 0;
  failure: Error | undefined;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  async load(): Promise<StoredSettings> {
    this.loads++;
    const seen = this.stored;
    await this.gate;
    if (this.failure) throw this.failure;
    return seen;
  }

  /** Holds the reads that begin from now on until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.gate = undefined;
    this.open?.();
  }
}

function nextChange(live: LiveSettings<Sample>): Promise<SettingsSnapshot<Sample>> {
  return new Promise((resolve) => {
    const off = live.onChange((next) => {
      off();
      resolve(next);
    });
  });
}

let reader: InMemorySettingsReader;
let live: LiveSettings<Sample>;

beforeAll(() => {
  // The cache logs each version it takes and each row it refuses; not needed here.
  Logger.overrideLogger(false);
});

beforeEach(() => {
  reader = new InMemorySettingsReader();
  live = new LiveSettings(reader, definition, { pollIntervalMs: 5000 });
});

afterEach(async () => {
  await live.stop();
  jest.useRealTimers();
});

describe('LiveSettings', () => {
  it('holds the defaults, version 0, until a change is stored', async () => {
    await live.start();
    expect(live.current()).toEqual(definition.defaults);
    expect(live.snapshot()).toEqual({ values: definition.defaults, version: 0, updatedAt: null });
  });

  it('takes the stored settings at start, over the defaults', async () => {
    reader.stored = version(3, { threshold: 60 });
    await live.start();
    expect(live.current()).toEqual({ ...definition.defaults, threshold: 60 });
    expect(live.snapshot().version).toBe(3);
  });

  it('starts with the defaults when the store cannot be read, and takes the row later', async () => {
    reader.failure = new Error('database unavailable');
    reader.stored = version(1, { threshold: 70 });
    await live.start();
    expect(live.snapshot().version).toBe(0);
    reader.failure = undefined;
    await live.refresh();
    expect(live.current().threshold).toBe(70);
  });

  it('re-reads on the notification of a version it does not hold, and tells its listeners', async () => {
    await live.start();
    const previous = live.snapshot();
    const changed = new Promise<[SettingsSnapshot<Sample>, SettingsSnapshot<Sample>]>((resolve) => {
      live.onChange((next, before) => {
        resolve([next, before]);
      });
    });
    reader.stored = version(1, { threshold: 90 });
    live.notified(1);
    const [next, before] = await changed;
    expect(before).toBe(previous);
    expect(next).toEqual({
      values: { ...definition.defaults, threshold: 90 },
      version: 1,
      updatedAt: reader.stored.updatedAt,
    });
    expect(live.current().threshold).toBe(90);
  });

  it('ignores the notification of the version it holds', async () => {
    reader.stored = version(2, { threshold: 90 });
    await live.start();
    const loads = reader.loads;
    live.notified(2);
    await live.refresh(); // the only read from here on: the notification started none
    expect(reader.loads).toBe(loads + 1);
  });

  it('tells a listener once per version, and no more after it unsubscribed', async () => {
    await live.start();
    const seen: number[] = [];
    const off = live.onChange((next) => seen.push(next.version));
    reader.stored = version(1, { threshold: 1 });
    await live.refresh();
    await live.refresh();
    off();
    reader.stored = version(2, { threshold: 2 });
    await live.refresh();
    expect(seen).toEqual([1]);
    expect(live.snapshot().version).toBe(2);
  });

  it('keeps going when a listener throws', async () => {
    await live.start();
    live.onChange(() => {
      throw new Error('listener bug');
    });
    const second = nextChange(live);
    reader.stored = version(1, { threshold: 1 });
    await live.refresh();
    await expect(second).resolves.toMatchObject({ version: 1 });
  });

  it('answers a refresh asked during a read with a read that begins after it', async () => {
    reader.stored = version(1, { threshold: 1 });
    await live.start();
    reader.hold();
    reader.stored = version(2, { threshold: 2 });
    const running = live.refresh(); // sees version 2
    reader.stored = version(3, { threshold: 3 }); // committed while that read is out
    const asked = live.refresh();
    const alsoAsked = live.refresh();
    reader.release();
    await Promise.all([running, asked, alsoAsked]);
    expect(live.snapshot().version).toBe(3);
    expect(reader.loads).toBe(3); // start, the running read, one more for both callers
  });

  it('keeps the settings in effect when the stored ones break the rules', async () => {
    reader.stored = version(1, { threshold: 50 });
    await live.start();
    reader.stored = version(2, { min: 20, max: 10 });
    await live.refresh();
    expect(live.snapshot()).toMatchObject({ version: 1, values: { threshold: 50, min: -10 } });
  });

  it('goes back to the defaults when the row is gone (a database restored to before it)', async () => {
    reader.stored = version(1, { threshold: 50 });
    await live.start();
    reader.stored = NO_SETTINGS;
    await live.refresh();
    expect(live.snapshot()).toEqual({ values: definition.defaults, version: 0, updatedAt: null });
  });

  it('polls the store every interval, and stops polling when stopped', async () => {
    jest.useFakeTimers();
    await live.start();
    reader.stored = version(1, { threshold: 42 }); // its notification was lost
    const changed = nextChange(live);
    await jest.advanceTimersByTimeAsync(4999);
    expect(live.current().threshold).toBe(80);
    await jest.advanceTimersByTimeAsync(1);
    await expect(changed).resolves.toMatchObject({ version: 1, values: { threshold: 42 } });
    await live.stop();
    const loads = reader.loads;
    await jest.advanceTimersByTimeAsync(60_000);
    expect(reader.loads).toBe(loads);
  });
});
