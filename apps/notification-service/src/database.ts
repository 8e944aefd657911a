import { PrismaClient } from './generated/prisma/client';

/** notification-service's own database; the class is also its injection token. */
export class NotificationDatabase extends PrismaClient {}
