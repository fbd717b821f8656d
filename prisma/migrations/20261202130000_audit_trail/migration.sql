-- The audit trail of founders' actions: who did what to which incident, component, maintenance
-- window or post, and when. No foreign key to the founder, so the trail outlives an account.
CREATE TABLE "audit_entry" (
    "id" SERIAL NOT NULL,
    "founder_id" TEXT NOT NULL,
    "founder_email" VARCHAR(320) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "subject_type" VARCHAR(32) NOT NULL,
    "subject_id" VARCHAR(100) NOT NULL,
    "summary" VARCHAR(500) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");
