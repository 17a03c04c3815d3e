# One image build for the Node services; each compose service picks its command.
# Build: docker build -t aispm .   (the web console has its own Dockerfile in apps/web)
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json prisma.config.ts ./
COPY prisma ./prisma
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY apps/cloud-sim/package.json apps/cloud-sim/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/jobs/package.json packages/jobs/
COPY packages/connectors/package.json packages/connectors/
COPY packages/risk/package.json packages/risk/
COPY packages/compliance/package.json packages/compliance/
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx prisma generate
USER node
EXPOSE 3000
CMD ["npm", "start", "-w", "@aispm/api"]
