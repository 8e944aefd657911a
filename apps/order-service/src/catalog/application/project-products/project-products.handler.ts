import { Injectable, Logger } from '@nestjs/common';
import { type CatalogUpdate, CatalogRepository } from '../ports/catalog-repository';

export interface ProjectProducts {
  /** Inbox consumer name of the caller; never changes, or events would apply again. */
  readonly consumer: string;
  /** New versions of products, in the order their events came. */
  readonly updates: readonly CatalogUpdate[];
}

/** Keeps the local price catalog in step with inventory-service's products. */
@Injectable()
export class ProjectProductsHandler {
  private readonly logger = new Logger(ProjectProductsHandler.name);

  constructor(private readonly catalog: CatalogRepository) {}

  async execute({ consumer, updates }: ProjectProducts): Promise<void> {
    // A batch that changes no product (low-stock alerts only): no transaction needed.
    if (updates.length === 0) return;
    const applied = await this.catalog.applyOnce(consumer, updates);
    this.logger.debug({ received: updates.length, applied }, 'catalog updated');
  }
}
