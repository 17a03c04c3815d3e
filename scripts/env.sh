# Shared defaults for the demo and test scripts. Every value can be overridden from the environment.
# Two database identities: the schema owner runs migrations and the seed; the services connect as aispm_app,
# which row-level security confines to one tenant per transaction.
export DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/aispm}"
export DATABASE_URL="${DATABASE_URL:-postgresql://aispm_app@127.0.0.1:5432/aispm}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export TEST_DATABASE_ADMIN_URL="${TEST_DATABASE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/aispm_test}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://aispm_app@127.0.0.1:5432/aispm_test}"
export TURBO_TELEMETRY_DISABLED=1
# Custom endpoints may only reach public addresses unless allowed here; the demo and the tests talk to the local
# cloud simulator on loopback, so allow loopback (IPv4 and IPv6) by default.
export OUTBOUND_ALLOW="${OUTBOUND_ALLOW:-127.0.0.0/8,::1/128}"
# The master key that encrypts stored cloud credentials. Made once per checkout for local use and kept in
# .data/master.key (git-ignored); production deployments must set MASTER_KEY themselves.
if [ -z "${MASTER_KEY:-}" ]; then
  mkdir -p .data
  [ -s .data/master.key ] || node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))" > .data/master.key
  MASTER_KEY="$(cat .data/master.key)"
  export MASTER_KEY
fi
# The demo admin's password, made once per checkout and kept in .data/demo-admin-password (git-ignored).
export DEMO_ADMIN_EMAIL="admin@aispm.local"
if [ -z "${DEMO_ADMIN_PASSWORD:-}" ]; then
  mkdir -p .data
  [ -s .data/demo-admin-password ] || node -e "process.stdout.write(require('crypto').randomBytes(12).toString('base64url'))" > .data/demo-admin-password
  DEMO_ADMIN_PASSWORD="$(cat .data/demo-admin-password)"
  export DEMO_ADMIN_PASSWORD
fi
