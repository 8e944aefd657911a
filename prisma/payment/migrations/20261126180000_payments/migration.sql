-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('AWAITING_ORDER', 'AWAITING_RESERVATION', 'CHARGING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'CANCELLED');

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "user_id" UUID,
    "amount" DECIMAL(12,2),
    "method" TEXT,
    "status" "PaymentStatus" NOT NULL,
    "reason" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "provider_reference" TEXT,
    "refund_reference" TEXT,
    "processed_at" TIMESTAMPTZ(3),
    "refunded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payments_order_id_key" ON "payments"("order_id");

-- Invariants Prisma cannot express: whatever was charged has its terms, and whatever was
-- captured has the provider's reference (needed to refund it).
ALTER TABLE "payments" ADD CONSTRAINT "payments_charge_has_terms_check"
    CHECK ("status" IN ('AWAITING_ORDER', 'CANCELLED')
        OR ("user_id" IS NOT NULL AND "amount" IS NOT NULL AND "method" IS NOT NULL));
ALTER TABLE "payments" ADD CONSTRAINT "payments_captured_has_reference_check"
    CHECK ("status" NOT IN ('SUCCEEDED', 'FAILED', 'REFUNDED') OR "provider_reference" IS NOT NULL);
ALTER TABLE "payments" ADD CONSTRAINT "payments_refund_has_reference_check"
    CHECK ("status" <> 'REFUNDED' OR ("refund_reference" IS NOT NULL AND "refunded_at" IS NOT NULL));
