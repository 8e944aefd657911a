/**
 * Whether a Prisma error is a unique-constraint violation. Model queries report it as P2002;
 * a raw statement fails with P2010 and the driver adapter's error (kind
 * UniqueConstraintViolation) in its meta. Read structurally, so it holds for every service's
 * generated client.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!isRecord(error)) return false;
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
