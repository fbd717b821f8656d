-- A counter that goes down is a reset (flagged by the source, after a reported restart, or
-- inferred); a source's process start time is remembered per metric, on the source's own clock;
-- a job run keeps warnings beside its error.

-- CreateEnum
CREATE TYPE "reset_reason" AS ENUM ('flagged', 'restart', 'inferred');

-- AlterTable
ALTER TABLE "metric" ADD COLUMN "process_started_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "metric_sample" ADD COLUMN "reset_reason" "reset_reason";

-- AlterTable
ALTER TABLE "job_run" ADD COLUMN "warnings" JSONB NOT NULL DEFAULT '[]';
