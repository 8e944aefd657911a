import { normalizeEmail } from './user';

describe('normalizeEmail', () => {
  it('makes addresses that differ only in case or surrounding space equal', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });
});
