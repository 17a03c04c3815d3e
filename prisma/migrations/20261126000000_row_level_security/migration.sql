-- Tenant isolation in the database itself: even a query that forgets its tenant filter sees only the rows of
-- the tenant its transaction declared with SET LOCAL app.tenant_id (set_config(..., true)).
--
-- The API and the worker connect as aispm_app, which owns nothing and so cannot bypass or alter the policies;
-- migrations run as the schema owner. Deployments give aispm_app a login and password of their own:
--   ALTER ROLE aispm_app LOGIN PASSWORD '...';

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'aispm_app') THEN
    CREATE ROLE aispm_app NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO aispm_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO aispm_app;
DO $$
BEGIN
  -- Absent when Prisma replays migrations into a shadow database.
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE _prisma_migrations FROM aispm_app;
  END IF;
END
$$;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO aispm_app;

-- The tenant of the current transaction. Unset means a bug in the caller: fail loudly, never return rows.
CREATE FUNCTION app_tenant_id() RETURNS uuid
  LANGUAGE plpgsql STABLE
AS $$
DECLARE
  v text := current_setting('app.tenant_id', true);
BEGIN
  IF v IS NULL OR v = '' THEN
    RAISE EXCEPTION 'app.tenant_id is not set: tenant data read or written outside a tenant transaction'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN v::uuid;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['memberships', 'cloud_accounts', 'scans', 'scan_tasks', 'assets', 'asset_relations',
                           'findings', 'audit_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO aispm_app USING (tenant_id = (SELECT app_tenant_id())) '
      'WITH CHECK (tenant_id = (SELECT app_tenant_id()))', t);
    -- The schema owner (migrations, seeds, the SECURITY DEFINER functions below) is not confined; on managed
    -- Postgres it is usually not a superuser, and FORCE would otherwise apply to it too.
    EXECUTE format('CREATE POLICY schema_owner ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;

-- The worker's reconciler must find unfinished scans of every tenant (then it works on each under its own
-- tenant). This function is the only cross-tenant read the application role has, and it returns ids only.
CREATE FUNCTION app_unfinished_scans(max_rows integer)
  RETURNS TABLE (id uuid, tenant_id uuid, status "ScanStatus")
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT s.id, s.tenant_id, s.status FROM scans s
   WHERE s.status IN ('queued', 'running', 'evaluating')
   ORDER BY s.created_at
   LIMIT max_rows
$$;
REVOKE ALL ON FUNCTION app_unfinished_scans(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_unfinished_scans(integer) TO aispm_app;
