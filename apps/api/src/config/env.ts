import { z } from 'zod';
import { ZServiceEnv, loadEnv as parseEnv } from '@aispm/config';

const ZEnv = ZServiceEnv.extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).default(3000),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  DEFAULT_ORG_SLUG: z
    .string()
    .regex(/^[a-z0-9-]{1,63}$/)
    .default('default'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('256kb'),
});

export type Env = z.infer<typeof ZEnv>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseEnv(ZEnv, source);
}
