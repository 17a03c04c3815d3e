-- AlterTable
ALTER TABLE "account_postures" ADD COLUMN     "checks_digest" TEXT,
ADD COLUMN     "evaluated_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "asset_verdicts" ADD COLUMN     "depends_on" UUID[],
ADD COLUMN     "peer_types" TEXT[];

-- AlterTable
ALTER TABLE "assets" ADD COLUMN     "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "assets_tenant_id_account_id_changed_at_idx" ON "assets"("tenant_id", "account_id", "changed_at");

