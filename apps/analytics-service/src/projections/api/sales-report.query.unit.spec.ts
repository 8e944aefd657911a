import { refusal, validated } from '@kafka-commerce/testing';
import { reportRangeOf, SalesReportQuery } from './sales-report.query';

const validQuery = (raw: Record<string, unknown>) => validated(SalesReportQuery, raw, 'query');

/** The field errors of a rejected query: `{ field: messages }`. */
async function errorsOf(raw: Record<string, unknown>): Promise<Record<string, readonly string[]>> {
  const errors = await refusal(SalesReportQuery, raw, 'query');
  return Object.fromEntries(errors.map(({ field, messages }) => [field, messages]));
}

describe('GET /analytics/reports/sales query', () => {
  it('accepts a range of days, both ends included, up to 366 days', async () => {
    const query = await validQuery({ from: '2028-01-01', to: '2028-12-31' });
    expect(reportRangeOf(query)).toEqual({ from: '2028-01-01', to: '2028-12-31' });
    expect(reportRangeOf(await validQuery({ from: '2026-12-01', to: '2026-12-01' }))).toEqual({
      from: '2026-12-01',
      to: '2026-12-01',
    });
  });

  it('names a missing or malformed day', async () => {
    expect(await errorsOf({})).toEqual({
      from: ['from: must be a calendar day written YYYY-MM-DD, e.g. 2026-12-01'],
      to: ['to: must be a calendar day written YYYY-MM-DD, e.g. 2026-12-01'],
    });
    expect(Object.keys(await errorsOf({ from: '2026-02-30', to: '2026-03-01' }))).toEqual(['from']);
    expect(Object.keys(await errorsOf({ from: '2026-12-01', to: '12/31/2026' }))).toEqual(['to']);
    expect(
      Object.keys(await errorsOf({ from: ['2026-12-01', '2026-12-02'], to: '2026-12-03' })),
    ).toEqual(['from']);
  });

  it('refuses a range that ends before it starts', async () => {
    expect(await errorsOf({ from: '2026-12-02', to: '2026-12-01' })).toEqual({
      to: ['to: must not be before from'],
    });
  });

  it('refuses a range of more than 366 days', async () => {
    expect(await errorsOf({ from: '2026-01-01', to: '2027-01-02' })).toEqual({
      to: ['to: from…to must span at most 366 days (both ends included)'],
    });
  });

  it('refuses unknown parameters', async () => {
    expect(Object.keys(await errorsOf({ from: '2026-12-01', to: '2026-12-01', day: 'x' }))).toEqual(
      ['day'],
    );
  });
});
