-- CreateEnum
CREATE TYPE "FindingEventKind" AS ENUM ('opened', 'reopened', 'resolved', 'suppressed', 'unsuppressed', 'suppression_expired', 'excepted', 'exception_removed', 'severity_changed');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "AttackPathStatus" AS ENUM ('open', 'resolved');

-- AlterTable
ALTER TABLE "assets" ADD COLUMN     "criticality" "Criticality",
ADD COLUMN     "owner" TEXT,
ADD COLUMN     "risk_score" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "exception_id" UUID,
ADD COLUMN     "resolved_scan_id" UUID,
ADD COLUMN     "risk_factors" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "suppressed_at" TIMESTAMPTZ(3),
ADD COLUMN     "suppressed_by" TEXT,
ADD COLUMN     "suppressed_until" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "finding_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "finding_id" UUID NOT NULL,
    "kind" "FindingEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "scan_id" UUID,
    "actor" TEXT NOT NULL DEFAULT 'system',
    "reason" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "finding_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_exceptions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "check_id" TEXT,
    "account_id" UUID,
    "tag_key" TEXT,
    "tag_value" TEXT,
    "reason" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_exceptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attack_paths" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "pattern" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "risk_score" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,
    "nodes" JSONB NOT NULL,
    "edges" JSONB NOT NULL,
    "finding_ids" UUID[],
    "status" "AttackPathStatus" NOT NULL DEFAULT 'open',
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "last_scan_id" UUID,

    CONSTRAINT "attack_paths_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_verdicts" (
    "asset_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "verdicts" JSONB NOT NULL,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "asset_verdicts_pkey" PRIMARY KEY ("asset_id")
);

-- CreateTable
CREATE TABLE "check_summaries" (
    "tenant_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "check_id" TEXT NOT NULL,
    "provider" "CloudProvider" NOT NULL,
    "severity" "Severity" NOT NULL,
    "failing" INTEGER NOT NULL DEFAULT 0,
    "passing" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "suppressed" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "check_summaries_pkey" PRIMARY KEY ("tenant_id","account_id","check_id")
);

-- CreateTable
CREATE TABLE "account_postures" (
    "tenant_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "provider" "CloudProvider" NOT NULL,
    "assets_total" INTEGER NOT NULL DEFAULT 0,
    "assets_by_type" JSONB NOT NULL DEFAULT '{}',
    "assets_evaluated" INTEGER NOT NULL DEFAULT 0,
    "assets_failing" INTEGER NOT NULL DEFAULT 0,
    "shadow_assets" INTEGER NOT NULL DEFAULT 0,
    "critical" INTEGER NOT NULL DEFAULT 0,
    "high" INTEGER NOT NULL DEFAULT 0,
    "medium" INTEGER NOT NULL DEFAULT 0,
    "low" INTEGER NOT NULL DEFAULT 0,
    "info" INTEGER NOT NULL DEFAULT 0,
    "attack_paths" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_postures_pkey" PRIMARY KEY ("tenant_id","account_id")
);

-- CreateTable
CREATE TABLE "posture_snapshots" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "scan_id" UUID,
    "score" INTEGER NOT NULL,
    "assets_evaluated" INTEGER NOT NULL,
    "assets_failing" INTEGER NOT NULL,
    "critical" INTEGER NOT NULL,
    "high" INTEGER NOT NULL,
    "medium" INTEGER NOT NULL,
    "low" INTEGER NOT NULL,
    "info" INTEGER NOT NULL,

    CONSTRAINT "posture_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "custom_frameworks" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "controls" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custom_frameworks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "finding_events_tenant_id_finding_id_at_idx" ON "finding_events"("tenant_id", "finding_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "finding_exceptions_tenant_id_name_key" ON "finding_exceptions"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "attack_paths_tenant_id_status_risk_score_id_idx" ON "attack_paths"("tenant_id", "status", "risk_score" DESC, "id");

-- CreateIndex
CREATE INDEX "attack_paths_tenant_id_account_id_idx" ON "attack_paths"("tenant_id", "account_id");

-- CreateIndex
CREATE UNIQUE INDEX "attack_paths_tenant_id_signature_key" ON "attack_paths"("tenant_id", "signature");

-- CreateIndex
CREATE INDEX "asset_verdicts_tenant_id_account_id_idx" ON "asset_verdicts"("tenant_id", "account_id");

-- CreateIndex
CREATE INDEX "posture_snapshots_tenant_id_taken_at_idx" ON "posture_snapshots"("tenant_id", "taken_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "custom_frameworks_tenant_id_key_key" ON "custom_frameworks"("tenant_id", "key");

-- CreateIndex
CREATE INDEX "assets_tenant_id_risk_score_id_idx" ON "assets"("tenant_id", "risk_score" DESC, "id");

-- CreateIndex
CREATE INDEX "findings_tenant_id_status_risk_score_id_idx" ON "findings"("tenant_id", "status", "risk_score" DESC, "id");

-- CreateIndex
CREATE INDEX "findings_tenant_id_exception_id_idx" ON "findings"("tenant_id", "exception_id");

-- AddForeignKey
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "findings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_exceptions" ADD CONSTRAINT "finding_exceptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attack_paths" ADD CONSTRAINT "attack_paths_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attack_paths" ADD CONSTRAINT "attack_paths_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_verdicts" ADD CONSTRAINT "asset_verdicts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_verdicts" ADD CONSTRAINT "asset_verdicts_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_summaries" ADD CONSTRAINT "check_summaries_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_summaries" ADD CONSTRAINT "check_summaries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_postures" ADD CONSTRAINT "account_postures_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_postures" ADD CONSTRAINT "account_postures_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posture_snapshots" ADD CONSTRAINT "posture_snapshots_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custom_frameworks" ADD CONSTRAINT "custom_frameworks_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Every new table belongs to one organization: the same row-level security as every tenant table.
ALTER TABLE "finding_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "finding_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "finding_events" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON finding_events TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "finding_events" TO aispm_app;
ALTER TABLE "finding_exceptions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "finding_exceptions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "finding_exceptions" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON finding_exceptions TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "finding_exceptions" TO aispm_app;
ALTER TABLE "attack_paths" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "attack_paths" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "attack_paths" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON attack_paths TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "attack_paths" TO aispm_app;
ALTER TABLE "asset_verdicts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "asset_verdicts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "asset_verdicts" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON asset_verdicts TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "asset_verdicts" TO aispm_app;
ALTER TABLE "check_summaries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "check_summaries" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "check_summaries" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON check_summaries TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "check_summaries" TO aispm_app;
ALTER TABLE "account_postures" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "account_postures" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "account_postures" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON account_postures TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "account_postures" TO aispm_app;
ALTER TABLE "posture_snapshots" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "posture_snapshots" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "posture_snapshots" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON posture_snapshots TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "posture_snapshots" TO aispm_app;
ALTER TABLE "custom_frameworks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "custom_frameworks" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "custom_frameworks" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON custom_frameworks TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "custom_frameworks" TO aispm_app;
