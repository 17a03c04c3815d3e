import { defineConfig } from 'vitest/config';
import { e2eEnv } from './scripts/e2e-env';

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
