import { PrismaClient } from './generated/prisma/client';

/** inventory-service's own database; the class is also its injection token. */
export class InventoryDatabase extends PrismaClient {}
