-- Sales report (GET /analytics/reports/sales): per-UTC-day projections, written in the same
-- statement as summary_counters and product_sales.

-- AlterTable: the UTC day an order's confirmation counted on, so that a cancellation takes
-- its revenue and units back from that day. Unknown (NULL) for orders confirmed before now.
ALTER TABLE "order_projections" ADD COLUMN "confirmed_on" DATE;

-- CreateTable
CREATE TABLE "daily_counters" (
    "day" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "daily_counters_pkey" PRIMARY KEY ("day","metric")
);

-- CreateTable
CREATE TABLE "daily_cancellations" (
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "daily_cancellations_pkey" PRIMARY KEY ("day","reason")
);

-- CreateTable
CREATE TABLE "daily_product_sales" (
    "day" DATE NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" BIGINT NOT NULL DEFAULT 0,
    "revenue" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "daily_product_sales_pkey" PRIMARY KEY ("day","product_id")
);

-- Backfill what the existing projections know to the day: every processed payment keeps its
-- processedAt. Orders kept no event timestamps, so their days start with this migration
-- (a fresh database rebuilt from the topics has them all).
INSERT INTO "daily_counters" ("day", "metric", "count", "amount")
SELECT ("processed_at" AT TIME ZONE 'UTC')::date,
       CASE "status" WHEN 'SUCCEEDED' THEN 'payments.succeeded' ELSE 'payments.failed' END,
       count(*), sum("amount")
FROM "processed_payments"
GROUP BY 1, 2;
