-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('RESERVED', 'CONFIRMED', 'RELEASED');

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "price" DECIMAL(12,2) NOT NULL,
    "stock" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "initial_stock" INTEGER NOT NULL,
    "restocked" INTEGER NOT NULL DEFAULT 0,
    "low_stock_threshold" INTEGER NOT NULL,
    "low_stock_alerted" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservations" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "status" "ReservationStatus" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservation_lines" (
    "reservation_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "reservation_lines_pkey" PRIMARY KEY ("reservation_id","product_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "products_sku_key" ON "products"("sku");

-- CreateIndex
CREATE UNIQUE INDEX "reservations_order_id_key" ON "reservations"("order_id");

-- CreateIndex
CREATE INDEX "reservation_lines_product_id_idx" ON "reservation_lines"("product_id");

-- AddForeignKey
ALTER TABLE "reservation_lines" ADD CONSTRAINT "reservation_lines_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservation_lines" ADD CONSTRAINT "reservation_lines_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma has no syntax for CHECK constraints): the stock invariant of
-- design.md §8.2 held by the database itself, so a bug fails its transaction instead of
-- corrupting the counts. available = stock - reserved, hence
-- available + reserved + sold = stock + sold = initial_stock + restocked.
ALTER TABLE "products" ADD CONSTRAINT "products_counts_non_negative_check"
    CHECK ("stock" >= 0 AND "reserved" >= 0 AND "sold" >= 0 AND "initial_stock" >= 0
        AND "restocked" >= 0 AND "low_stock_threshold" >= 0);
ALTER TABLE "products" ADD CONSTRAINT "products_reserved_within_stock_check"
    CHECK ("reserved" <= "stock");
ALTER TABLE "products" ADD CONSTRAINT "products_units_conserved_check"
    CHECK ("stock" + "sold" = "initial_stock" + "restocked");
ALTER TABLE "products" ADD CONSTRAINT "products_price_non_negative_check"
    CHECK ("price" >= 0);
ALTER TABLE "reservation_lines" ADD CONSTRAINT "reservation_lines_quantity_positive_check"
    CHECK ("quantity" > 0);
