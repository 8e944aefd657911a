import { PrismaClient } from './generated/prisma/client';

/** payment-service's own database; the class is also its injection token. */
export class PaymentDatabase extends PrismaClient {}
