export interface AuthOptions {
  /** PEM public key every service verifies tokens with. */
  readonly publicKey: string;
  /** PEM private key: only the token issuer (user-service) has it. */
  readonly privateKey?: string;
  readonly issuer?: string;
  readonly tokenTtlSeconds?: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export const DEFAULT_ISSUER = 'kafka-commerce';
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
