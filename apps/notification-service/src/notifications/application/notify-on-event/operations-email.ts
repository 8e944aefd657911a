/** Injection token for the address operational mail (low stock, sensor alerts) goes to. */
export const OPERATIONS_EMAIL = Symbol('OPERATIONS_EMAIL');
