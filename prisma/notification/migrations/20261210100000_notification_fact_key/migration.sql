-- One notification per business fact and channel, whichever event announced the fact: a copy
-- of an event under a fresh event id (a producer's retry, a re-driven dead letter) got past
-- the (event_id, channel, template) key and mailed the customer a second time.
ALTER TABLE "notifications" ADD COLUMN "fact_key" TEXT;

-- Existing rows. Customer mail announces a fact that happens at most once per order (or,
-- for the welcome, per user): the oldest row of each such fact takes the fact's key, as new
-- rows will. Any later copy already stored, and operations mail (whose fact is not stored
-- in columns), keeps a key of its own event, unique as (event_id, channel, template) is.
WITH keyed AS (
    SELECT "id", "channel", "created_at",
           CASE
               WHEN "template" = 'welcome' AND "user_id" IS NOT NULL
                   THEN "template" || ':' || "user_id"::text
               WHEN "template" IN ('order-confirmed', 'order-cancelled', 'payment-succeeded',
                                   'payment-failed', 'payment-refunded')
                    AND "order_id" IS NOT NULL
                   THEN "template" || ':' || "order_id"::text
           END AS "fact_key"
    FROM "notifications"
), firsts AS (
    SELECT DISTINCT ON ("fact_key", "channel") "id", "fact_key"
    FROM keyed
    WHERE "fact_key" IS NOT NULL
    ORDER BY "fact_key", "channel", "created_at", "id"
)
UPDATE "notifications" n SET "fact_key" = firsts."fact_key" FROM firsts WHERE n."id" = firsts."id";

UPDATE "notifications"
SET "fact_key" = 'event:' || "event_id"::text || ':' || "template"
WHERE "fact_key" IS NULL;

ALTER TABLE "notifications" ALTER COLUMN "fact_key" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "notifications_fact_key_channel_key" ON "notifications"("fact_key", "channel");
