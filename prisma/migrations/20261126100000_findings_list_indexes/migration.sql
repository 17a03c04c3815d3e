-- CreateIndex
CREATE INDEX "findings_tenant_id_risk_score_id_idx" ON "findings"("tenant_id", "risk_score" DESC, "id");

-- CreateIndex
CREATE INDEX "findings_tenant_id_severity_risk_score_id_idx" ON "findings"("tenant_id", "severity", "risk_score" DESC, "id");

