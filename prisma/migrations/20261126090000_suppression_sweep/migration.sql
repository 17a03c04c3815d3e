-- CreateIndex
CREATE INDEX "findings_status_suppressed_until_idx" ON "findings"("status", "suppressed_until");


-- Suppressions lapse on time even in an account nobody rescans: the worker's reconciler asks which tenants have
-- a lapsed one (ids only, the narrow kind of cross-tenant read the application role has) and expires them under
-- each tenant.
CREATE FUNCTION app_tenants_with_lapsed_suppressions(at timestamptz)
  RETURNS TABLE (tenant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT DISTINCT f.tenant_id FROM findings f
   WHERE f.status = 'suppressed' AND f.suppressed_until <= at
$$;
REVOKE ALL ON FUNCTION app_tenants_with_lapsed_suppressions(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_tenants_with_lapsed_suppressions(timestamptz) TO aispm_app;
