import 'reflect-metadata';
import { checkPostgres } from '@aispm/db';
import { checkRedis } from '@aispm/jobs';
import { EnvError } from '@aispm/config';
import { loadEnv } from './config/env';
import { createApp, createLogger } from './app.factory';

async function main(): Promise<void> {
  const env = loadEnv();
  // Fail in one clear line, not a stack trace, when a dependency is missing.
  for (const check of [await checkPostgres(env.DATABASE_URL), await checkRedis(env.REDIS_URL)]) {
    if (!check.ok) {
      console.error(`aispm-api: ${check.message}`);
      process.exit(1);
    }
  }
  const logger = createLogger(env);
  const app = await createApp(env, logger);
  await app.listen(env.PORT, env.HOST);
  logger.info(
    { url: `http://${env.HOST}:${env.PORT}`, docs: `http://${env.HOST}:${env.PORT}/api/docs` },
    'api listening',
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? `aispm-api: ${e.message}` : e);
  process.exit(1);
});
