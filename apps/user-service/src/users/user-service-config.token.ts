/** Injection token for the parsed UserServiceConfig. */
export const USER_SERVICE_CONFIG = Symbol('USER_SERVICE_CONFIG');
