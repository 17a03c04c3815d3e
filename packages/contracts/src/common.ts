import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

export { z };

export const ZUuid = z.uuid();

export const ZProvider = z.enum(['aws', 'azure', 'gcp']);
export type TProvider = z.infer<typeof ZProvider>;

/** Severities in rank order: index 0 is the most severe. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const ZSeverity = z.enum(SEVERITIES);
export type TSeverity = z.infer<typeof ZSeverity>;

/** Query-string list: `?severity=high,critical` or repeated `?severity=high&severity=critical`. */
export function csvList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter(Boolean),
    z.array(item).min(1).optional(),
  );
}

/** Keyset paging: `cursor` is opaque; pass back `nextCursor` to get the next page. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Opaque cursor from a previous page (nextCursor).' }),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** RFC 9457 problem details. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');
export type TProblem = z.infer<typeof ZProblem>;
