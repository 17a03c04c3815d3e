-- AlterTable
ALTER TABLE "cloud_accounts" ADD COLUMN     "scan_interval_hours" INTEGER;


-- The worker keeps one job scheduler per account with an interval; it needs the list across tenants
-- (ids and intervals only) to put back schedulers Redis lost and drop those no longer wanted.
CREATE FUNCTION app_scheduled_accounts()
  RETURNS TABLE (id uuid, tenant_id uuid, scan_interval_hours integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT a.id, a.tenant_id, a.scan_interval_hours FROM cloud_accounts a
   WHERE a.scan_interval_hours IS NOT NULL AND a.status <> 'disabled'
$$;
REVOKE ALL ON FUNCTION app_scheduled_accounts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_scheduled_accounts() TO aispm_app;
