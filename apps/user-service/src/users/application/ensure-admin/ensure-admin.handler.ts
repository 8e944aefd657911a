import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type UserServiceConfig } from '../../../config/user-service.config';
import { normalizeEmail } from '../../domain/user';
import { EmailAlreadyRegisteredError } from '../../domain/user.errors';
import { USER_SERVICE_CONFIG } from '../../user-service-config.token';
import { RegisterUserHandler } from '../register-user/register-user.handler';
import { UserRepository } from '../register-user/user.repository';

/** Makes sure the administrator account from ADMIN_EMAIL / ADMIN_PASSWORD exists at start-up. */
@Injectable()
export class EnsureAdminHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(EnsureAdminHandler.name);

  constructor(
    private readonly users: UserRepository,
    private readonly registerUser: RegisterUserHandler,
    @Inject(USER_SERVICE_CONFIG) private readonly config: UserServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = normalizeEmail(this.config.ADMIN_EMAIL);
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
        password: this.config.ADMIN_PASSWORD,
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
