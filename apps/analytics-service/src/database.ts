import { PrismaClient } from './generated/prisma/client';

/** analytics-service's own database; the class is also its injection token. */
export class AnalyticsDatabase extends PrismaClient {}
