-- AlterTable
ALTER TABLE "metric_sample" ADD COLUMN     "increase" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "reset" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "metric_sample_external_id_key" ON "metric_sample"("metric_id", "external_id");

