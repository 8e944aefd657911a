import { acceptsCsv } from './accepts-csv';

describe('acceptsCsv', () => {
  it.each([
    ['text/csv', true],
    ['Text/CSV; charset=utf-8', true],
    ['text/csv, */*;q=0.1', true],
    ['text/csv, */*', true],
    ['application/json;q=0.5, text/csv', true],
  ])('answers CSV to %j', (accept, expected) => {
    expect(acceptsCsv(accept)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['*/*'],
    ['application/json'],
    ['text/*'],
    ['application/json, text/csv'],
    ['text/csv;q=0.5, application/json'],
    ['text/csv;q=0.5, */*'],
    ['text/csv;q=0'],
  ])('answers JSON to %j', (accept) => {
    expect(acceptsCsv(accept)).toBe(false);
  });
});
