declare const utcMinuteBrand: unique symbol;

/** The start of a UTC minute, written `YYYY-MM-DDTHH:MM:00.000Z` (sorts as it is stored). */
export type UtcMinute = string & { readonly [utcMinuteBrand]: true };

const MS_PER_MINUTE = 60_000;

/** The UTC minute an instant falls in (an ISO timestamp with any offset, or a Date). */
export function utcMinuteOf(instant: Date | string): UtcMinute {
  const ms = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE).toISOString() as UtcMinute;
}
