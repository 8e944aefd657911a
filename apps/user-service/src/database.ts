import { PrismaClient } from './generated/prisma/client';

/** user-service's own database; the class is also its injection token. */
export class UserDatabase extends PrismaClient {}
