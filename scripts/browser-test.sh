#!/usr/bin/env bash
# Browser tests: build the console, start the whole stack on its own ports, database and Redis db, run Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: apt-get install -y chromium (the browser tests use Debian's Chromium)" >&2
  exit 1
fi

export DATABASE_ADMIN_URL="postgresql://postgres@127.0.0.1:5432/aispm_browser"
export DATABASE_URL="postgresql://aispm_app@127.0.0.1:5432/aispm_browser"
export REDIS_URL="redis://127.0.0.1:6379/2"
export PORT=3100 SIM_PORT=4610 SIM_AZURE_PORT=4611 SIM_GCP_PORT=4612 WEB_PORT=5273
export WEB_URL="http://127.0.0.1:${WEB_PORT}" SIM_URL="http://127.0.0.1:${SIM_PORT}"
SIM_SECRET="$(node --import tsx -e "import('@aispm/cloud-sim').then((m) => process.stdout.write(m.SIM_AWS_SECRET_ACCESS_KEY))")"
export SIM_SECRET
export LOG_LEVEL=info RECONCILE_INTERVAL_MS=5000

psql "postgresql://postgres@127.0.0.1:5432/postgres" -q -c "DROP DATABASE IF EXISTS aispm_browser WITH (FORCE)" >/dev/null 2>&1 || true
node scripts/ensure-database.mjs
npx prisma migrate deploy > /dev/null
# The owner the Playwright tests sign in as.
export DEMO_ADMIN_PASSWORD="browser-$(node -e "process.stdout.write(require('crypto').randomBytes(9).toString('base64url'))")"
export WEB_ADMIN_EMAIL="$DEMO_ADMIN_EMAIL" WEB_ADMIN_PASSWORD="$DEMO_ADMIN_PASSWORD"
SEED_CLOUDS=aws node --import tsx prisma/seed.ts > /dev/null
node -e "const R=require('ioredis');const r=new R(process.env.REDIS_URL);r.flushdb().then(()=>r.quit())"

npm run build -w @aispm/web > /dev/null

node scripts/stack.mjs --web preview --quiet > .data/browser-stack.log 2>&1 &
STACK=$!
trap 'kill $STACK 2>/dev/null; wait $STACK 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q '\[stack\] ready' .data/browser-stack.log && break
  if ! kill -0 $STACK 2>/dev/null; then cat .data/browser-stack.log; exit 1; fi
  sleep 1
done
grep -q '\[stack\] ready' .data/browser-stack.log || { cat .data/browser-stack.log; exit 1; }

status=0
(cd apps/web && PLAYWRIGHT_JSON_OUTPUT_NAME=../../.data/results/browser.json npx playwright test --reporter=list,json "$@") || status=$?
if [ $status -ne 0 ]; then
  echo "--- stack log (tail) ---"; tail -n 80 .data/browser-stack.log
fi
# No secret the run used may appear in what the API and the worker logged (the simulator prints its own
# fake demo key on purpose, so its lines are left out).
leaks=0
for secret in "$SIM_SECRET" "$DEMO_ADMIN_PASSWORD" "$MASTER_KEY"; do
  if grep -v '^\[sim\]' .data/browser-stack.log | grep -qF -- "$secret"; then
    echo "a secret used by the run appears in the API or worker logs" >&2
    leaks=1
  fi
done
if grep -v '^\[sim\]' .data/browser-stack.log | grep -qE 'aispm_(pat|inv)_[A-Za-z0-9_-]{20,}|aispm_session=[A-Za-z0-9_-]{20,}'; then
  echo "an API token, invitation token or session cookie appears in the API or worker logs" >&2
  leaks=1
fi
[ $leaks -eq 0 ] || exit 1
exit $status
