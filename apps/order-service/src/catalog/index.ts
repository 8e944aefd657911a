export { CatalogPrices } from './application/ports/catalog-prices';
export { CatalogModule } from './catalog.module';
