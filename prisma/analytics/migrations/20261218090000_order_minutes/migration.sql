-- Dashboard (GET /dashboard): orders that entered each status per UTC minute, by the order
-- events' own timestamps, written in the same statement as summary_counters. No backfill:
-- order_projections keeps no event timestamps (a database rebuilt from the topics has them).

-- CreateTable
CREATE TABLE "order_minutes" (
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "order_minutes_pkey" PRIMARY KEY ("minute","status"),
    CONSTRAINT "order_minutes_status_check" CHECK ("status" IN ('created', 'confirmed', 'cancelled'))
);
