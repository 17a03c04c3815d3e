#!/usr/bin/env bash
# npm test: every check CI runs. Static checks first (fast failures), then unit, e2e and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step() { printf '\n== %s\n' "$1"; }

node scripts/preflight.mjs || exit 1
[ -d node_modules/.bin ] || npm install --no-audit --no-fund

step "format"
npx prettier --check . --log-level warn
step "lint"
npx eslint . --max-warnings 0
step "typecheck"
npx tsc -p tsconfig.json
npx turbo run typecheck --output-logs=errors-only
step "migrations match the schema"
DATABASE_ADMIN_URL="$TEST_DATABASE_ADMIN_URL" DATABASE_URL="$TEST_DATABASE_URL" node scripts/ensure-database.mjs
DATABASE_ADMIN_URL="$TEST_DATABASE_ADMIN_URL" npx prisma migrate diff --from-migrations prisma/migrations \
  --to-schema-datamodel prisma/schema.prisma --script --exit-code > /dev/null
mkdir -p .data/results
rm -f .data/results/*.json
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.data/results/unit.json
step "e2e tests (Postgres, Redis, cloud simulator)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=.data/results/e2e.json
step "browser tests (Playwright, Chromium)"
bash scripts/browser-test.sh
node scripts/test-summary.mjs .data/results
