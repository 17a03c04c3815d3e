import { defineConfig } from 'vitest/config';

// e2e tests use their own database and Redis db so they never touch a running demo.
const e2eEnv = {
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
  LOG_LEVEL: 'silent',
};

// Tiers (STYLE.md): *.spec.ts are unit tests that talk to nothing outside the process;
// *.e2e-spec.ts talk to a real Postgres, Redis and the cloud simulator.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.spec.ts', 'packages/*/src/**/*.spec.ts', 'prisma/**/*.spec.ts'],
          exclude: ['**/node_modules/**', 'apps/web/e2e/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/*/src/**/*.e2e-spec.ts', 'packages/*/src/**/*.e2e-spec.ts'],
          environment: 'node',
          globalSetup: ['./scripts/e2e-global-setup.ts'],
          env: e2eEnv,
          // e2e files share one database: run them one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
