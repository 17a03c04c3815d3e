import { z } from 'zod';
import { ZServiceEnv, loadEnv as parseEnv } from '@aispm/config';
import { checkOidcEnv, oidcEnvShape } from './oidc-env';

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
  /** Secure cookies need HTTPS; set false only for a plain-HTTP deployment on a trusted network. */
  COOKIE_SECURE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .int()
    .min(1)
    .max(720)
    .default(12),
  API_REQUESTS_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).default(600),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).default(30),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('256kb'),
  ...oidcEnvShape,
}).superRefine(checkOidcEnv);

export type Env = z.infer<typeof ZEnv>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseEnv(ZEnv, source);
}
