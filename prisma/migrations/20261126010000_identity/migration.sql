-- AlterTable
ALTER TABLE "users" ADD COLUMN     "last_login_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "csrf_hash" TEXT NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_tenant_id_created_at_idx" ON "api_tokens"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- API tokens belong to one organization: the same row-level security as every tenant table.
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_tokens" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "api_tokens" TO aispm_app
  USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
DO $$ BEGIN
  EXECUTE format('CREATE POLICY schema_owner ON api_tokens TO %I USING (true) WITH CHECK (true)', current_user);
END $$;

-- Sign-in has to learn a user's organizations before any tenant is chosen. This is the only way the
-- application role reads memberships across tenants: one user's, with the organization's name.
CREATE FUNCTION app_user_memberships(uid uuid)
  RETURNS TABLE (tenant_id uuid, role "Role", org_name text, org_slug text, joined_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT m.tenant_id, m.role, o.name, o.slug, m.created_at FROM memberships m
    JOIN organizations o ON o.id = m.tenant_id
   WHERE m.user_id = uid
   ORDER BY m.created_at, o.name
$$;
REVOKE ALL ON FUNCTION app_user_memberships(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_user_memberships(uuid) TO aispm_app;

-- A bearer token names its tenant only through its row: find it by hash (the caller hashes the presented
-- token; the plaintext never reaches the database).
CREATE FUNCTION app_api_token(hash text)
  RETURNS TABLE (id uuid, tenant_id uuid, scopes text[], created_by_id uuid, expires_at timestamptz,
                 revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT t.id, t.tenant_id, t.scopes, t.created_by_id, t.expires_at, t.revoked_at FROM api_tokens t
   WHERE t.token_hash = hash
$$;
REVOKE ALL ON FUNCTION app_api_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_api_token(text) TO aispm_app;
