import { z } from 'zod';
import { parseOutboundPolicy } from '@aispm/security';

/** Thrown when the environment does not validate; its message names every offending variable. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
}

export function parseMasterKey(value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

/** Variables every aispm service reads. Services extend this with their own. */
export const ZServiceEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' })
    .default('redis://127.0.0.1:6379'),
  MASTER_KEY: z
    .string({ error: 'is required: 32 random bytes, base64 (openssl rand -base64 32)' })
    .transform((v, ctx) => {
      try {
        return parseMasterKey(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  // Keys of earlier rotations, kept only to unwrap what they wrapped until `npm run secrets:rotate` has run.
  MASTER_KEY_PREVIOUS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const keys: Buffer[] = [];
      const entries = (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      entries.forEach((entry, i) => {
        try {
          keys.push(parseMasterKey(entry));
        } catch (e) {
          ctx.addIssue({
            code: 'custom',
            message: `entry ${i + 1} of ${entries.length}: ${(e as Error).message}`,
          });
        }
      });
      return keys;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Which non-public addresses user-supplied URLs (custom endpoints, later ticketing and webhooks) may reach.
  OUTBOUND_ALLOW: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseOutboundPolicy(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
});

/** Parses the environment once at start; every bad variable is named in one message. */
export function loadEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}
