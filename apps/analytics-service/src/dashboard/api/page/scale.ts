/** Maps a value of `domain` linearly onto `range`; a domain of one value maps to the middle. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The smallest of 1, 2, 5, 10, 20, 50 … at or above `value` (at least 1): a round axis top. */
export function niceCeiling(value: number): number {
  let step = 1;
  for (;;) {
    for (const factor of [1, 2, 5]) if (step * factor >= value) return step * factor;
    step *= 10;
  }
}

/** SVG coordinates keep one decimal: enough for a screen, short markup. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** `HH:MM` of an instant in UTC. */
export function utcTime(instant: Date, seconds = false): string {
  return instant.toISOString().slice(11, seconds ? 19 : 16);
}
