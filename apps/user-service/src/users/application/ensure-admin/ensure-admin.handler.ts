import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { normalizeEmail } from '../../domain/user';
import { EmailAlreadyRegisteredError } from '../../domain/user.errors';
import { AdminAccount } from './admin-account';
import { RegisterUserHandler } from '../register-user/register-user.handler';
import { UserRepository } from '../ports/user-repository';

/** Makes sure the administrator account from ADMIN_EMAIL / ADMIN_PASSWORD exists at start-up. */
@Injectable()
export class EnsureAdminHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(EnsureAdminHandler.name);

  constructor(
    private readonly users: UserRepository,
    private readonly registerUser: RegisterUserHandler,
    private readonly admin: AdminAccount,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = normalizeEmail(this.admin.email);
    const existing = await this.users.findCredentials(email);
    if (existing) {
      // An existing account keeps its password; it is only made an admin.
      if (existing.user.role !== 'admin') await this.users.makeAdmin(existing.user.id);
      return;
    }
    try {
      await this.registerUser.execute({
        email,
        username: 'admin',
        password: this.admin.password,
        source: 'api',
        role: 'admin',
        correlationId: randomUUID(),
      });
      this.logger.log({ email }, 'admin account created');
    } catch (error) {
      // Another instance starting at the same time created it first.
      if (!(error instanceof EmailAlreadyRegisteredError)) throw error;
    }
  }
}
