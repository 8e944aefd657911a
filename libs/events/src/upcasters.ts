import { type Upcaster } from './upcast';

/**
 * The library's upcasters, one per breaking change (vN → vN+1), declared with
 * `defineUpcaster`. Empty while every event is at v1.
 */
export const UPCASTERS: readonly Upcaster[] = [];
