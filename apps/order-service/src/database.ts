import { PrismaClient } from './generated/prisma/client';

/** order-service's own database; the class is also its injection token. */
export class OrderDatabase extends PrismaClient {}
