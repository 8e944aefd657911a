import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
// Far beyond any real history, and keeps the row offset a safe integer.
const MAX_PAGE = 1_000_000;

/** `GET /orders` query: 1-based page of the caller's orders. */
export class ListOrdersQuery extends createZodDto(
  z.strictObject({
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  }),
) {}
