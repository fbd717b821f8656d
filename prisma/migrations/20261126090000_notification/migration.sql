-- CreateEnum
CREATE TYPE "notification_status" AS ENUM ('pending', 'sending', 'sent', 'failed', 'baseline');

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "section" VARCHAR(16) NOT NULL,
    "destination" VARCHAR(100) NOT NULL,
    "event" VARCHAR(64) NOT NULL,
    "subject" VARCHAR(100) NOT NULL,
    "state" VARCHAR(200) NOT NULL,
    "idempotency_key" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "status" "notification_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_idempotency_key_key" ON "notification"("idempotency_key");

-- CreateIndex
CREATE INDEX "notification_status_next_attempt_at_idx" ON "notification"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_section_destination_subject_id_idx" ON "notification"("section", "destination", "subject", "id");
