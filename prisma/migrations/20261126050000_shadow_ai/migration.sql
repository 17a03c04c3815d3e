-- CreateEnum
CREATE TYPE "SanctionedAiKind" AS ENUM ('service', 'model', 'account', 'region');

-- AlterTable
ALTER TABLE "assets" ADD COLUMN     "is_shadow" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "shadow_reasons" JSONB;

-- CreateTable
CREATE TABLE "sanctioned_ai" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" "SanctionedAiKind" NOT NULL,
    "provider" "CloudProvider" NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sanctioned_ai_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sanctioned_ai_tenant_id_kind_provider_value_key" ON "sanctioned_ai"("tenant_id", "kind", "provider", "value");

-- CreateIndex
CREATE INDEX "assets_tenant_id_is_shadow_id_idx" ON "assets"("tenant_id", "is_shadow", "id");

-- AddForeignKey
ALTER TABLE "sanctioned_ai" ADD CONSTRAINT "sanctioned_ai_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The register belongs to one organization: the same row-level security as every tenant table.
ALTER TABLE "sanctioned_ai" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sanctioned_ai" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "sanctioned_ai" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON sanctioned_ai TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
-- The default privileges of the row-level-security migration already cover new tables; granted explicitly so
-- the table stays usable where a deployment created it under another owner.
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "sanctioned_ai" TO aispm_app;
