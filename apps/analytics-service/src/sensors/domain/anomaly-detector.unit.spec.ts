import {
  DEFAULT_DETECTOR_SETTINGS,
  type DetectorSettings,
  type DetectorState,
  INITIAL_DETECTOR_STATE,
  observe,
  type SensorFault,
} from './anomaly-detector';

const settings: DetectorSettings = { ...DEFAULT_DETECTOR_SETTINGS, warmup: 20 };

/** Runs the detector over `values`; returns the final state and the faults by position. */
function run(values: readonly number[], options = settings, from = INITIAL_DETECTOR_STATE) {
  let state: DetectorState = from;
  const faults: [number, SensorFault][] = [];
  values.forEach((value, position) => {
    const observation = observe(state, value, options);
    state = observation.state;
    if (observation.anomaly) faults.push([position, observation.anomaly.fault]);
  });
  return { state, faults };
}

/** A noisy-looking but deterministic series around `level` (±0.5, never twice alike). */
function noise(count: number, level = 20): number[] {
  return Array.from({ length: count }, (_, i) => level + 0.5 * Math.sin(i * 1.7));
}

describe('observe', () => {
  it('learns the mean and variance of the readings so far during the warm-up, judging none', () => {
    const { state, faults } = run([10, 20, 30, 1000]);
    expect(faults).toEqual([]);
    expect(state.learned).toBe(4);
    expect(state.mean).toBeCloseTo(265, 9);
  });

  it('flags a reading beyond the sensitivity as a spike, and does not learn it', () => {
    const before = run(noise(100)).state;
    const { state, anomaly } = observe(before, 35, settings);
    expect(anomaly).toMatchObject({ fault: 'spike', temperature: 35, expected: before.mean });
    expect(anomaly?.score).toBeGreaterThan(settings.sensitivity);
    expect(state.mean).toBe(before.mean);
    expect(state.variance).toBe(before.variance);
  });

  it('is as sensitive as it is told to be', () => {
    const before = run(noise(100)).state;
    const z3 = before.mean + 3 * Math.sqrt(before.variance);
    expect(observe(before, z3, settings).anomaly).toBeNull();
    expect(observe(before, z3, { ...settings, sensitivity: 2.5 }).anomaly?.fault).toBe('spike');
  });

  it('takes a run of spikes as a new level, and stops flagging it', () => {
    const { faults, state } = run([...noise(100), ...noise(30, 40)]);
    expect(faults.map(([, fault]) => fault)).toEqual(Array<SensorFault>(5).fill('spike'));
    expect(state.mean).toBeGreaterThan(39);
  });

  it('reports a drift once, while the level walks away, and again for a later drift', () => {
    const ramp = (from: number, count: number, level: number) =>
      Array.from({ length: count }, (_, i) => level + 0.5 * Math.sin((from + i) * 1.7) + i * 0.02);
    const first = [...noise(300), ...ramp(300, 200, 20)];
    const settled = Array.from({ length: 400 }, (_, i) => 24 + 0.5 * Math.sin(i * 1.7));
    const second = ramp(0, 200, 24);
    const { faults } = run([...first, ...settled, ...second]);
    const drifts = faults.filter(([, fault]) => fault === 'drift').map(([position]) => position);
    expect(drifts).toHaveLength(2);
    expect(drifts[0]).toBeGreaterThan(300);
    expect(drifts[0]).toBeLessThan(500);
    expect(drifts[1]).toBeGreaterThan(900);
    expect(faults.filter(([, fault]) => fault !== 'drift')).toEqual([]);
  });

  it('reports a stuck sensor on the Nth identical reading, once per run, without learning it', () => {
    const before = run(noise(50)).state;
    const stuck = [...Array<number>(30).fill(20.1), 19.8, 20.1, 20.1];
    const { faults, state } = run(stuck, settings, before);
    expect(faults).toEqual([[9, 'stuck']]);
    expect(state.learned).toBe(before.learned + 9 + 3);
    expect(run(Array<number>(9).fill(20.1), settings, before).faults).toEqual([]);
  });

  it('is a plain value: stored as JSON and read back, it goes on exactly the same', () => {
    const values = [...noise(80), 33, ...noise(20)];
    const whole = run(values);
    const half = run(values.slice(0, 40)).state;
    const restored = JSON.parse(JSON.stringify(half)) as DetectorState;
    const rest = run(values.slice(40), settings, restored);
    expect(rest.state).toEqual(whole.state);
    expect(rest.faults.map(([position, fault]) => [position + 40, fault])).toEqual(whole.faults);
  });

  it('gives a flat sensor a finite z-score', () => {
    const flat = run([
      20,
      20.001,
      20,
      20.001,
      ...Array.from({ length: 30 }, (_, i) => 20 + (i % 2) * 0.001),
    ]);
    const { anomaly } = observe(flat.state, 21, settings);
    expect(anomaly?.fault).toBe('spike');
    expect(Number.isFinite(anomaly?.score)).toBe(true);
  });
});
