-- CreateEnum
CREATE TYPE "notification_channel" AS ENUM ('email', 'sms', 'push');

-- CreateEnum
CREATE TYPE "notification_status" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "order_owners" (
    "order_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "source_event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_owners_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "channel" "notification_channel" NOT NULL,
    "template" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "user_id" UUID,
    "order_id" UUID,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "notification_status" NOT NULL DEFAULT 'PENDING',
    "event_id" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_order_id_created_at_idx" ON "notifications"("order_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_next_attempt_at_idx" ON "notifications"("next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_event_id_channel_template_key" ON "notifications"("event_id", "channel", "template");
