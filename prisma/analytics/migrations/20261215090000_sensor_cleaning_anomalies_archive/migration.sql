-- CreateEnum
CREATE TYPE "temperature_unit" AS ENUM ('C', 'F');

-- CreateEnum
CREATE TYPE "sensor_fault" AS ENUM ('spike', 'drift', 'stuck');

-- CreateTable
CREATE TABLE "sensor_readings" (
    "sensor_id" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "day" DATE NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL,
    "unit" "temperature_unit" NOT NULL,

    CONSTRAINT "sensor_readings_pkey" PRIMARY KEY ("sensor_id","taken_at")
);

-- CreateTable
CREATE TABLE "rejected_readings" (
    "sensor_id" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "raw_value" DOUBLE PRECISION NOT NULL,
    "unit" "temperature_unit" NOT NULL,
    "reason" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejected_readings_pkey" PRIMARY KEY ("sensor_id","taken_at")
);

-- CreateTable
CREATE TABLE "sensor_states" (
    "sensor_id" TEXT NOT NULL,
    "closed_until" TIMESTAMPTZ(3),
    "detector" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sensor_states_pkey" PRIMARY KEY ("sensor_id")
);

-- CreateTable
CREATE TABLE "sensor_anomalies" (
    "id" UUID NOT NULL,
    "sensor_id" TEXT NOT NULL,
    "fault" "sensor_fault" NOT NULL,
    "reading_at" TIMESTAMPTZ(3) NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL,
    "expected" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sensor_anomalies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sensor_reading_archives" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "file" TEXT NOT NULL,
    "readings" INTEGER NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sensor_reading_archives_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sensor_windows_sensor_id_window_end_idx" ON "sensor_windows"("sensor_id", "window_end");

-- CreateIndex
CREATE INDEX "sensor_readings_day_idx" ON "sensor_readings"("day");

-- CreateIndex
CREATE INDEX "sensor_anomalies_raised_at_idx" ON "sensor_anomalies"("raised_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "sensor_reading_archives_file_key" ON "sensor_reading_archives"("file");
