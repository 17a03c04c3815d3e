import { z, ZUuid } from './common';
import { futureProblem } from './findings';

/**
 * An exception rule: the organization accepts the risk of the findings it matches, which are suppressed with
 * its reason, owner and expiry, now and as later scans find them. It matches by account and/or asset tag,
 * optionally for one check only.
 */
export const ZFindingException = z
  .object({
    id: ZUuid,
    name: z.string(),
    /** null: every check. */
    checkId: z.string().nullable(),
    accountId: ZUuid.nullable(),
    tagKey: z.string().nullable(),
    /** null with a tag key: any value of that tag. */
    tagValue: z.string().nullable(),
    reason: z.string(),
    owner: z.string(),
    expiresAt: z.iso.datetime().nullable(),
    /** `user:<email>` or `token:<id>`. */
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    /** Findings the rule suppresses now. */
    suppressedFindings: z.number().int(),
  })
  .openapi('FindingException');
export type TFindingException = z.infer<typeof ZFindingException>;

export const ZFindingExceptionList = z
  .object({ items: z.array(ZFindingException) })
  .openapi('FindingExceptionList');

/** Optional text; an empty string counts as absent. */
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const ZCreateFindingException = z
  .object({
    name: z.string().trim().min(1).max(100),
    reason: z.string().trim().min(3).max(500),
    owner: z.email().max(320).openapi({ description: 'Who answers for the accepted risk' }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'When the rule lapses (in the future); absent: until deleted' }),
    checkId: optionalText(200).openapi({
      description: 'One check only (a known check id); absent: every check',
    }),
    accountId: ZUuid.optional().openapi({ description: 'A cloud account of the organization' }),
    tagKey: optionalText(128).openapi({ description: 'Assets carrying this tag' }),
    tagValue: optionalText(256).openapi({ description: 'With tagKey: only this value; absent: any value' }),
  })
  .superRefine((v, ctx) => {
    if (!v.accountId && !v.tagKey)
      ctx.addIssue({
        code: 'custom',
        path: ['accountId'],
        message: 'name an account, an asset tag, or both: a rule for everything is not an exception',
      });
    if (v.tagValue && !v.tagKey)
      ctx.addIssue({ code: 'custom', path: ['tagKey'], message: 'a tag value needs its tag key' });
    const problem = v.expiresAt ? futureProblem(v.expiresAt) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: problem });
  })
  .openapi('CreateFindingException');
export type TCreateFindingException = z.infer<typeof ZCreateFindingException>;

/** A rule created, and how many open findings it suppressed at once. */
export const ZCreatedFindingException = z
  .object({ exception: ZFindingException, suppressed: z.number().int() })
  .openapi('CreatedFindingException');
export type TCreatedFindingException = z.infer<typeof ZCreatedFindingException>;

/** A rule deleted, and how many findings it suppressed that are open again. */
export const ZDeletedFindingException = z
  .object({ exception: ZFindingException, reopened: z.number().int() })
  .openapi('DeletedFindingException');
export type TDeletedFindingException = z.infer<typeof ZDeletedFindingException>;
