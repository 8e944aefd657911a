import { createPublicKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AuthenticatedUser, ROLES, type Role } from './authenticated-user';
import {
  AUTH_OPTIONS,
  type AuthOptions,
  DEFAULT_ISSUER,
  DEFAULT_TOKEN_TTL_SECONDS,
} from './auth-options';

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

interface Claims {
  sub: string;
  email: string;
  role: Role;
}

/**
 * Signs and verifies RS256 access tokens. Signing needs the private key, which only the
 * issuer is configured with; any service can verify with the public key, without a call.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  issue(user: AuthenticatedUser): IssuedToken {
    const { privateKey } = this.options;
    if (!privateKey) throw new Error('this service cannot issue tokens: no private key configured');
    const expiresIn = this.options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    const claims: Claims = { sub: user.userId, email: user.email, role: user.role };
    const accessToken = this.jwt.sign(claims, {
      algorithm: 'RS256',
      privateKey,
      expiresIn,
      issuer: this.issuer(),
    });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }

  /** The caller behind a token, or undefined when the token is invalid, expired or forged. */
  verify(token: string): AuthenticatedUser | undefined {
    try {
      // The key is the JwtService's own (verifyingKeyOf): parsed once, not per request.
      const claims = this.jwt.verify<Partial<Claims>>(token, {
        algorithms: ['RS256'],
        issuer: this.issuer(),
      });
      const { sub, email, role } = claims;
      if (typeof sub !== 'string' || typeof email !== 'string' || !ROLES.includes(role as Role))
        return undefined;
      return { userId: sub, email, role: role as Role };
    } catch {
      return undefined;
    }
  }

  private issuer(): string {
    return this.options.issuer ?? DEFAULT_ISSUER;
  }
}

/**
 * The public key, parsed: given as PEM text, jsonwebtoken would parse it again for every
 * token it verifies (`createPublicKey` was 7 % of order-service's busy CPU under load).
 */
export function verifyingKeyOf(options: AuthOptions): KeyObject {
  try {
    return createPublicKey(options.publicKey);
  } catch (error) {
    // At start: a key that has a PEM's shape but not its content would otherwise stop the
    // service with OpenSSL's words only.
    throw new Error(
      `the public key for access tokens (JWT_PUBLIC_KEY) cannot be read: ${String(error)}`,
    );
  }
}

/** AccessTokens outside Nest's container (scripts, tests). */
export function accessTokensFor(options: AuthOptions): AccessTokens {
  return new AccessTokens(new JwtService({ publicKey: verifyingKeyOf(options) }), options);
}
