import {
  type CatalogUpdate,
  CatalogRepository,
} from '../catalog/application/ports/catalog-repository';

/** Test fake of the catalog projection: keeps every call, applies every update as new. */
export class RecordingCatalogRepository extends CatalogRepository {
  readonly calls: { consumer: string; updates: readonly CatalogUpdate[] }[] = [];

  applyOnce(consumer: string, updates: readonly CatalogUpdate[]): Promise<number> {
    this.calls.push({ consumer, updates });
    return Promise.resolve(updates.length);
  }
}
