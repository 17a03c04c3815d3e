#!/usr/bin/env bash
# npm run demo: install, migrate, seed, then start simulator + API + worker + console and scan the demo account.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

node scripts/preflight.mjs || exit 1
[ -d node_modules/.bin ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm install --no-audit --no-fund
node scripts/ensure-database.mjs
npx prisma migrate deploy
node --import tsx prisma/seed.ts
exec node scripts/stack.mjs --web dev --demo-scan
