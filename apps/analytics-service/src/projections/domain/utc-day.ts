declare const utcDayBrand: unique symbol;

/** A UTC calendar day, written `YYYY-MM-DD` (how it is stored, queried and reported). */
export type UtcDay = string & { readonly [utcDayBrand]: true };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** The UTC day an instant falls on (an ISO timestamp with any offset, or a Date). */
export function utcDayOf(instant: Date | string): UtcDay {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return date.toISOString().slice(0, 10) as UtcDay;
}

/** The day `text` names, or null when it is not `YYYY-MM-DD` or no such day (2026-02-30). */
export function parseUtcDay(text: string): UtcDay | null {
  if (!DAY_PATTERN.test(text)) return null;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
    ? (text as UtcDay)
    : null;
}

/** Midnight UTC at the start of the day. */
export function startOfDay(day: UtcDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** How many days `from`…`to` holds, both included (0 or less when `to` is before `from`). */
export function daysInRange(from: UtcDay, to: UtcDay): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / MS_PER_DAY) + 1;
}

/** Every day from `from` to `to`, both included, in order. */
export function eachDay(from: UtcDay, to: UtcDay): UtcDay[] {
  const start = startOfDay(from).getTime();
  return Array.from({ length: Math.max(daysInRange(from, to), 0) }, (_, index) =>
    utcDayOf(new Date(start + index * MS_PER_DAY)),
  );
}
