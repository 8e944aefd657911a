import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { OrderDatabase } from '../../database';
import { CatalogRepository, type CatalogUpdate } from '../application/ports/catalog-repository';

@Injectable()
export class PrismaCatalogRepository extends CatalogRepository {
  constructor(
    private readonly db: OrderDatabase,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  applyOnce(consumer: string, updates: readonly CatalogUpdate[]): Promise<number> {
    return this.db.$transaction(
      async (tx) => {
        const fresh = await this.inbox.claimNew(tx, consumer, updates);
        for (const { entry } of fresh) {
          // Newer-wins upsert: the topic keeps one product's events in order, but a
          // re-driven dead letter could bring an old version back.
          const { count } = await tx.catalogProduct.updateMany({
            where: { productId: entry.productId, asOf: { lte: entry.asOf } },
            data: entry,
          });
          if (count === 0)
            await tx.catalogProduct.createMany({ data: [entry], skipDuplicates: true });
        }
        return fresh.length;
      },
      { timeout: 15_000 },
    );
  }
}
