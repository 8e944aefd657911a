import { PrismaClient } from './generated/prisma/client';

/** notification-service's own database; the class is also its injection token. */
export class NotificationDatabase extends PrismaClient {}

/** The generated client's types, for the adapters that name them (modules import them here). */
export { type Prisma } from './generated/prisma/client';
