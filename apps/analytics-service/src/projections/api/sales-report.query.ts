import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_REPORT_DAYS } from '../domain/sales-report';
import { daysInRange, parseUtcDay, type UtcDay } from '../domain/utc-day';

const NOT_A_DAY = 'must be a calendar day written YYYY-MM-DD, e.g. 2026-12-01';

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
const utcDaySchema = z
  .string({ error: NOT_A_DAY })
  .refine((text) => parseUtcDay(text) !== null, NOT_A_DAY);

export class SalesReportQuery extends createZodDto(
  z
    .strictObject({
      from: utcDaySchema.meta({
        example: '2026-12-01',
        description: 'First UTC day of the report (YYYY-MM-DD)',
      }),
      to: utcDaySchema.meta({
        example: '2026-12-07',
        description: `Last UTC day, included (YYYY-MM-DD): not before from, at most ${MAX_REPORT_DAYS} days in all`,
      }),
    })
    // The range: not backwards, at most MAX_REPORT_DAYS days, both ends included. Says
    // nothing while either end is not a day (the day rule reports that).
    .superRefine((query, context) => {
      const from = parseUtcDay(query.from);
      const to = parseUtcDay(query.to);
      if (!from || !to) return;
      const days = daysInRange(from, to);
      if (days < 1)
        context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      else if (days > MAX_REPORT_DAYS)
        context.addIssue({
          code: 'custom',
          path: ['to'],
          message: `from…to must span at most ${MAX_REPORT_DAYS} days (both ends included)`,
        });
    }),
) {}

/** The validated range (the pipe has checked both days). */
export function reportRangeOf(query: SalesReportQuery): { from: UtcDay; to: UtcDay } {
  const from = parseUtcDay(query.from);
  const to = parseUtcDay(query.to);
  if (!from || !to) throw new Error('SalesReportQuery was not validated');
  return { from, to };
}
