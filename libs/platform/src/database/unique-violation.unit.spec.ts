import { isUniqueViolation } from './unique-violation';

// The shapes Prisma 7 throws with @prisma/adapter-pg (P2010's meta as seen from a real
// duplicate-key raw INSERT).
const rawFailure = (kind: string) => ({
  code: 'P2010',
  meta: {
    driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: '23505', kind } },
  },
});

describe('isUniqueViolation', () => {
  it('tells a unique violation, from a model query, a raw statement or pg, from other errors', () => {
    expect(isUniqueViolation({ code: 'P2002' })).toBe(true);
    expect(isUniqueViolation({ code: '23505', severity: 'ERROR' })).toBe(true);
    expect(isUniqueViolation(rawFailure('UniqueConstraintViolation'))).toBe(true);
    expect(isUniqueViolation(rawFailure('NullConstraintViolation'))).toBe(false);
    expect(isUniqueViolation({ code: 'P2025' })).toBe(false);
    expect(isUniqueViolation(new Error('23505'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
