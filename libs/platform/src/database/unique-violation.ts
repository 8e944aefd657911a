/**
 * Whether a database error is a unique-constraint violation. Prisma's model queries report it
 * as P2002; its raw statements fail with P2010 and the driver adapter's error (kind
 * UniqueConstraintViolation) in their meta; pg itself gives the SQLSTATE, 23505. Read
 * structurally, so it holds for every service's generated client.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!isRecord(error)) return false;
  if (error.code === '23505') return true;
  if (error.code === 'P2002') return true;
  if (error.code !== 'P2010' || !isRecord(error.meta)) return false;
  const adapterError = error.meta.driverAdapterError;
  return (
    isRecord(adapterError) &&
    isRecord(adapterError.cause) &&
    adapterError.cause.kind === 'UniqueConstraintViolation'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
