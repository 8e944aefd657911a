-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('PENDING', 'CONFIRMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "payment_outcome" AS ENUM ('SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "window_close_reason" AS ENUM ('COUNT', 'AGE');

-- CreateTable
CREATE TABLE "registered_users" (
    "user_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registered_users_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "order_projections" (
    "order_id" UUID NOT NULL,
    "status" "order_status" NOT NULL,
    "total_amount" DECIMAL(12,2),
    "lines" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_projections_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "processed_payments" (
    "payment_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "status" "payment_outcome" NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "processed_payments_pkey" PRIMARY KEY ("payment_id")
);

-- CreateTable
CREATE TABLE "summary_counters" (
    "metric" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "summary_counters_pkey" PRIMARY KEY ("metric")
);

-- CreateTable
CREATE TABLE "product_sales" (
    "product_id" UUID NOT NULL,
    "quantity" BIGINT NOT NULL DEFAULT 0,
    "revenue" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "product_sales_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "open_sensor_windows" (
    "sensor_id" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "last_event_id" UUID NOT NULL,
    "last_correlation_id" TEXT NOT NULL,

    CONSTRAINT "open_sensor_windows_pkey" PRIMARY KEY ("sensor_id")
);

-- CreateTable
CREATE TABLE "sensor_windows" (
    "id" BIGSERIAL NOT NULL,
    "sensor_id" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "avg" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_by" "window_close_reason" NOT NULL,

    CONSTRAINT "sensor_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sensor_alerts" (
    "id" UUID NOT NULL,
    "sensor_id" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "average" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sensor_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "product_sales_quantity_product_id_idx" ON "product_sales"("quantity" DESC, "product_id");

-- CreateIndex
CREATE INDEX "open_sensor_windows_opened_at_idx" ON "open_sensor_windows"("opened_at");

-- CreateIndex
CREATE INDEX "sensor_windows_sensor_id_id_idx" ON "sensor_windows"("sensor_id", "id" DESC);

-- CreateIndex
CREATE INDEX "sensor_alerts_raised_at_idx" ON "sensor_alerts"("raised_at" DESC);
