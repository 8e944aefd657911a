import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessTokens, type IssuedToken } from '@kafka-commerce/auth';
import { hash, verify } from '@node-rs/argon2';
import { normalizeEmail } from '../../domain/user';
import { InvalidCredentialsError } from '../../domain/user.errors';
import { UserRepository } from '../ports/user-repository';

export interface Login {
  readonly email: string;
  readonly password: string;
}

@Injectable()
export class LoginHandler {
  // Verified when the email is unknown, so both failures take as long and look the same.
  private readonly unknownUserHash = hash(randomUUID());

  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccessTokens,
  ) {}

  async execute({ email, password }: Login): Promise<IssuedToken> {
    const credentials = await this.users.findCredentials(normalizeEmail(email));
    const matches = await verify(
      credentials?.passwordHash ?? (await this.unknownUserHash),
      password,
    ).catch(() => false);
    if (!credentials || !matches) throw new InvalidCredentialsError();
    const { user } = credentials;
    return this.tokens.issue({ userId: user.id, email: user.email, role: user.role });
  }
}
