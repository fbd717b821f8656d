-- CreateEnum
CREATE TYPE "rank_kind" AS ENUM ('exact', 'bucket', 'unranked');

-- CreateEnum
CREATE TYPE "metric_kind" AS ENUM ('counter', 'gauge');

-- CreateEnum
CREATE TYPE "rollup_bucket" AS ENUM ('minute', 'hour', 'day');

-- CreateEnum
CREATE TYPE "monitor_type" AS ENUM ('http', 'tcp', 'tls');

-- CreateEnum
CREATE TYPE "component_status" AS ENUM ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance');

-- CreateEnum
CREATE TYPE "outage_severity" AS ENUM ('degraded', 'partial', 'major');

-- CreateEnum
CREATE TYPE "incident_status" AS ENUM ('investigating', 'identified', 'monitoring', 'resolved', 'postmortem');

-- CreateEnum
CREATE TYPE "incident_impact" AS ENUM ('none', 'minor', 'major', 'critical');

-- CreateEnum
CREATE TYPE "maintenance_status" AS ENUM ('scheduled', 'in_progress', 'verifying', 'completed');

-- CreateEnum
CREATE TYPE "post_status" AS ENUM ('pending', 'awaiting_approval', 'sending', 'sent', 'failed', 'reconcile', 'dry_run', 'cancelled');

-- CreateEnum
CREATE TYPE "job_outcome" AS ENUM ('running', 'success', 'failed', 'timeout');

-- CreateTable
CREATE TABLE "site" (
    "id" SERIAL NOT NULL,
    "domain" VARCHAR(253) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "is_service" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rank_sample" (
    "id" BIGSERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "scope" VARCHAR(8) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" "rank_kind" NOT NULL,
    "rank" INTEGER,
    "bucket_min" INTEGER,
    "bucket_max" INTEGER,
    "job_run_id" BIGINT,

    CONSTRAINT "rank_sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "metric_kind" NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "unit" VARCHAR(32),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_sample" (
    "metric_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "external_id" VARCHAR(128),

    CONSTRAINT "metric_sample_natural_key" PRIMARY KEY ("metric_id","at")
);

-- CreateTable
CREATE TABLE "metric_rollup" (
    "metric_id" INTEGER NOT NULL,
    "bucket" "rollup_bucket" NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "last" DOUBLE PRECISION NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,
    "increase" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "metric_rollup_natural_key" PRIMARY KEY ("metric_id","bucket","start")
);

-- CreateTable
CREATE TABLE "component" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT,
    "group_id" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "showcase" BOOLEAN NOT NULL DEFAULT true,
    "only_show_if_degraded" BOOLEAN NOT NULL DEFAULT false,
    "status_override" "component_status",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "component_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitor" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "type" "monitor_type" NOT NULL,
    "target" TEXT NOT NULL,
    "interval_seconds" INTEGER NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "component_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monitor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check" (
    "monitor_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status" SMALLINT NOT NULL,
    "latency_ms" INTEGER,
    "http_status" SMALLINT,
    "error" VARCHAR(300),

    CONSTRAINT "check_natural_key" PRIMARY KEY ("monitor_id","at")
);

-- CreateTable
CREATE TABLE "check_rollup" (
    "monitor_id" INTEGER NOT NULL,
    "bucket" "rollup_bucket" NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "ok_count" INTEGER NOT NULL,
    "degraded_count" INTEGER NOT NULL,
    "failed_count" INTEGER NOT NULL,
    "latency_p50" INTEGER,
    "latency_p95" INTEGER,

    CONSTRAINT "check_rollup_natural_key" PRIMARY KEY ("monitor_id","bucket","start")
);

-- CreateTable
CREATE TABLE "outage" (
    "id" SERIAL NOT NULL,
    "monitor_id" INTEGER NOT NULL,
    "component_id" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "severity" "outage_severity" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "status" "incident_status" NOT NULL,
    "impact" "incident_impact" NOT NULL,
    "outage_id" INTEGER,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "monitoring_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_update" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "status" "incident_status" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "maintenance_status" NOT NULL DEFAULT 'scheduled',
    "scheduled_for" TIMESTAMPTZ(3) NOT NULL,
    "scheduled_until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maintenance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "rule" VARCHAR(100) NOT NULL,
    "met_at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "site_id" INTEGER,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post" (
    "id" SERIAL NOT NULL,
    "milestone_id" INTEGER NOT NULL,
    "channel" VARCHAR(64) NOT NULL,
    "status" "post_status" NOT NULL DEFAULT 'pending',
    "text" TEXT NOT NULL,
    "idempotency_key" VARCHAR(100) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "external_id" VARCHAR(200),
    "url" TEXT,
    "error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_run" (
    "id" BIGSERIAL NOT NULL,
    "job" VARCHAR(100) NOT NULL,
    "slot" TIMESTAMPTZ(3),
    "trigger" VARCHAR(16) NOT NULL DEFAULT 'schedule',
    "worker" VARCHAR(200) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "outcome" "job_outcome" NOT NULL DEFAULT 'running',
    "error" TEXT,
    "counts" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "founder" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "founder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "founder_session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "founder_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "founder_account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "founder_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ComponentToIncident" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ComponentToIncident_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ComponentToMaintenance" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ComponentToMaintenance_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "site_domain_key" ON "site"("domain");

-- CreateIndex
CREATE INDEX "rank_sample_source_scope_at_idx" ON "rank_sample"("source", "scope", "at");

-- CreateIndex
CREATE UNIQUE INDEX "rank_sample_natural_key" ON "rank_sample"("site_id", "source", "scope", "at");

-- CreateIndex
CREATE UNIQUE INDEX "metric_key_key" ON "metric"("key");

-- CreateIndex
CREATE UNIQUE INDEX "component_key_key" ON "component"("key");

-- CreateIndex
CREATE UNIQUE INDEX "monitor_key_key" ON "monitor"("key");

-- CreateIndex
CREATE INDEX "outage_started_at_idx" ON "outage"("started_at");

-- CreateIndex
CREATE UNIQUE INDEX "outage_natural_key" ON "outage"("monitor_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "incident_outage_id_key" ON "incident"("outage_id");

-- CreateIndex
CREATE INDEX "incident_created_at_idx" ON "incident"("created_at");

-- CreateIndex
CREATE INDEX "incident_update_incident_id_created_at_idx" ON "incident_update"("incident_id", "created_at");

-- CreateIndex
CREATE INDEX "maintenance_scheduled_for_idx" ON "maintenance"("scheduled_for");

-- CreateIndex
CREATE UNIQUE INDEX "milestone_key_key" ON "milestone"("key");

-- CreateIndex
CREATE INDEX "milestone_met_at_idx" ON "milestone"("met_at");

-- CreateIndex
CREATE UNIQUE INDEX "post_idempotency_key_key" ON "post"("idempotency_key");

-- CreateIndex
CREATE INDEX "post_status_next_attempt_at_idx" ON "post"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "post_natural_key" ON "post"("milestone_id", "channel");

-- CreateIndex
CREATE INDEX "job_run_job_started_at_idx" ON "job_run"("job", "started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "job_run_slot_key" ON "job_run"("job", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "founder_email_key" ON "founder"("email");

-- CreateIndex
CREATE UNIQUE INDEX "founder_session_token_key" ON "founder_session"("token");

-- CreateIndex
CREATE INDEX "founder_session_user_id_idx" ON "founder_session"("user_id");

-- CreateIndex
CREATE INDEX "founder_account_user_id_idx" ON "founder_account"("user_id");

-- CreateIndex
CREATE INDEX "auth_verification_identifier_idx" ON "auth_verification"("identifier");

-- CreateIndex
CREATE INDEX "_ComponentToIncident_B_index" ON "_ComponentToIncident"("B");

-- CreateIndex
CREATE INDEX "_ComponentToMaintenance_B_index" ON "_ComponentToMaintenance"("B");

-- AddForeignKey
ALTER TABLE "rank_sample" ADD CONSTRAINT "rank_sample_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_sample" ADD CONSTRAINT "metric_sample_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_rollup" ADD CONSTRAINT "metric_rollup_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "component" ADD CONSTRAINT "component_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "component"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitor" ADD CONSTRAINT "monitor_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "component"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check" ADD CONSTRAINT "check_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_rollup" ADD CONSTRAINT "check_rollup_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage" ADD CONSTRAINT "outage_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage" ADD CONSTRAINT "outage_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "component"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_outage_id_fkey" FOREIGN KEY ("outage_id") REFERENCES "outage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_update" ADD CONSTRAINT "incident_update_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "founder_session" ADD CONSTRAINT "founder_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "founder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "founder_account" ADD CONSTRAINT "founder_account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "founder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ComponentToIncident" ADD CONSTRAINT "_ComponentToIncident_A_fkey" FOREIGN KEY ("A") REFERENCES "component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ComponentToIncident" ADD CONSTRAINT "_ComponentToIncident_B_fkey" FOREIGN KEY ("B") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ComponentToMaintenance" ADD CONSTRAINT "_ComponentToMaintenance_A_fkey" FOREIGN KEY ("A") REFERENCES "component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ComponentToMaintenance" ADD CONSTRAINT "_ComponentToMaintenance_B_fkey" FOREIGN KEY ("B") REFERENCES "maintenance"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A rank sample is exactly one of: an exact rank, a bucket, or unranked (never rank 0).
ALTER TABLE "rank_sample" ADD CONSTRAINT "rank_sample_kind_check" CHECK (
  ("kind" = 'exact' AND "rank" >= 1 AND "bucket_min" IS NULL AND "bucket_max" IS NULL)
  OR ("kind" = 'bucket' AND "rank" IS NULL AND "bucket_min" >= 1 AND ("bucket_max" IS NULL OR "bucket_max" >= "bucket_min"))
  OR ("kind" = 'unranked' AND "rank" IS NULL AND "bucket_min" IS NULL AND "bucket_max" IS NULL)
);

-- Check status codes: 0 up, 1 degraded, 2 down.
ALTER TABLE "check" ADD CONSTRAINT "check_status_check" CHECK ("status" BETWEEN 0 AND 2);
