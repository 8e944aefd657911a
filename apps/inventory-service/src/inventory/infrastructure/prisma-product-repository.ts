import { Injectable } from '@nestjs/common';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import { InventoryDatabase } from '../../database';
import { Prisma } from '../../generated/prisma/client';
import { type ProductChange, ProductRepository } from '../application/ports/product-repository';
import { type Product } from '../domain/product';
import { SkuAlreadyExistsError } from '../domain/product.errors';
import { countersOf, lockProducts, toProduct } from './product-record';

const UNIQUE_VIOLATION = 'P2002';

@Injectable()
export class PrismaProductRepository extends ProductRepository {
  constructor(
    private readonly db: InventoryDatabase,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async create(product: Product, events: readonly OutgoingEvent[]): Promise<void> {
    try {
      await this.db.$transaction([
        this.db.product.create({ data: product }),
        this.outbox.append(this.db, events),
      ]);
    } catch (error) {
      if (
        error instanceof Prisma.PrismaClientKnownRequestError &&
        error.code === UNIQUE_VIOLATION
      ) {
        throw new SkuAlreadyExistsError(product.sku);
      }
      throw error;
    }
  }

  async findById(id: string): Promise<Product | null> {
    const record = await this.db.product.findUnique({ where: { id } });
    return record ? toProduct(record) : null;
  }

  async list(): Promise<Product[]> {
    const records = await this.db.product.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return records.map(toProduct);
  }

  update(id: string, change: (product: Product) => ProductChange): Promise<Product | null> {
    return this.db.$transaction(async (tx) => {
      const [current] = await lockProducts(tx, [id]);
      if (!current) return null;
      const { product, events } = change(current);
      const saved = await tx.product.update({ where: { id }, data: countersOf(product) });
      if (events.length > 0) await this.outbox.append(tx, events);
      return toProduct(saved);
    });
  }
}
