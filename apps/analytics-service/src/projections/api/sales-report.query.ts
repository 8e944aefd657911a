import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, type ValidationArguments } from 'class-validator';
import { MAX_REPORT_DAYS } from '../domain/sales-report';
import { daysInRange, parseUtcDay, type UtcDay } from '../domain/utc-day';

export class SalesReportQuery {
  @ApiProperty({ example: '2026-12-01', description: 'First UTC day of the report (YYYY-MM-DD)' })
  @IsUtcDay()
  from!: string;

  @ApiProperty({
    example: '2026-12-07',
    description: `Last UTC day, included (YYYY-MM-DD): not before from, at most ${MAX_REPORT_DAYS} days in all`,
  })
  @IsUtcDay()
  @IsReportEnd('from', MAX_REPORT_DAYS)
  to!: string;
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function IsUtcDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isUtcDay',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseUtcDay(value) !== null,
      defaultMessage: () => '$property must be a calendar day written YYYY-MM-DD, e.g. 2026-12-01',
    },
  });
}

/**
 * The last day of a range that starts at the day in `startProperty`: not before it, and at
 * most `maxDays` days from it, both included. Says nothing while either is not a day (the
 * day rule reports that).
 */
function IsReportEnd(startProperty: string, maxDays: number): PropertyDecorator {
  const rangeOf = ({ value, object }: ValidationArguments): number | null => {
    const start: unknown = (object as Record<string, unknown>)[startProperty];
    const from = typeof start === 'string' ? parseUtcDay(start) : null;
    const to = typeof value === 'string' ? parseUtcDay(value) : null;
    return from && to ? daysInRange(from, to) : null;
  };
  return ValidateBy({
    name: 'isReportEnd',
    constraints: [startProperty, maxDays],
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => {
        const days = args ? rangeOf(args) : null;
        return days === null || (days >= 1 && days <= maxDays);
      },
      defaultMessage: (args?: ValidationArguments) =>
        args && (rangeOf(args) ?? 1) < 1
          ? `$property must not be before ${startProperty}`
          : `${startProperty}…$property must span at most ${maxDays} days (both ends included)`,
    },
  });
}

/** The validated range (the pipe has checked both days). */
export function reportRangeOf(query: SalesReportQuery): { from: UtcDay; to: UtcDay } {
  const from = parseUtcDay(query.from);
  const to = parseUtcDay(query.to);
  if (!from || !to) throw new Error('SalesReportQuery was not validated');
  return { from, to };
}
