import { Inject, Injectable } from '@nestjs/common';
import type {
  TCreatedFindingException,
  TCreateFindingException,
  TDeletedFindingException,
  TFindingException,
} from '@aispm/contracts';
import { newId, type FindingException } from '@aispm/db';
import { findCheck } from '@aispm/risk';
import { auditEvent } from '../../common/audit';
import { notFound, ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { findingActor } from '../findings/finding-actor';
import { ExceptionsRepository } from './exceptions.repository';

function toDto(r: FindingException, suppressedFindings: number): TFindingException {
  return {
    id: r.id,
    name: r.name,
    checkId: r.checkId,
    accountId: r.accountId,
    tagKey: r.tagKey,
    tagValue: r.tagValue,
    reason: r.reason,
    owner: r.owner,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    suppressedFindings,
  };
}

/** What the audit log keeps of a rule: enough to know what it matched and why, after it is deleted. */
function auditMetadata(r: FindingException) {
  return {
    name: r.name,
    checkId: r.checkId,
    accountId: r.accountId,
    tagKey: r.tagKey,
    tagValue: r.tagValue,
    reason: r.reason,
    owner: r.owner,
    expiresAt: r.expiresAt?.toISOString() ?? null,
  };
}

function invalid(path: string, message: string): ProblemException {
  return new ProblemException({
    status: 400,
    title: 'Invalid request',
    detail: `The request body did not validate: ${path}: ${message}`,
    type: 'https://aispm.dev/problems/validation',
    errors: [{ path, message }],
  });
}

/**
 * Exception rules: a rule suppresses the open findings it covers as soon as it is created (the worker applies it
 * to later failures), and deleting it reopens the findings it suppressed. Summary rows are re-counted in the same
 * transaction, so posture and compliance figures stay exact between scans.
 */
@Injectable()
export class ExceptionsService {
  constructor(@Inject(ExceptionsRepository) private readonly repo: ExceptionsRepository) {}

  async list(tenantId: string): Promise<TFindingException[]> {
    return (await this.repo.list(tenantId)).map((r) => toDto(r, r.suppressedFindings));
  }

  async create(
    tenantId: string,
    input: TCreateFindingException,
    meta: RequestMeta,
  ): Promise<TCreatedFindingException> {
    const checkId = input.checkId || null;
    if (checkId && !findCheck(checkId)) throw invalid('checkId', `no check has the id ${checkId}`);
    if (input.accountId && !(await this.repo.accountExists(tenantId, input.accountId)))
      throw invalid('accountId', 'not a cloud account of this organization');
    const tagKey = input.tagKey || null;
    const actor = findingActor(meta);
    const rule = await this.repo.create(
      tenantId,
      {
        id: newId(),
        name: input.name,
        checkId,
        accountId: input.accountId ?? null,
        tagKey,
        tagValue: tagKey ? input.tagValue || null : null,
        reason: input.reason,
        owner: input.owner,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdBy: actor,
      },
      actor,
      (r, suppressed) =>
        auditEvent(
          tenantId,
          meta,
          'finding_exceptions.create',
          { type: 'finding_exception', id: r.id },
          { ...auditMetadata(r), suppressed },
        ),
    );
    if (!rule) {
      throw new ProblemException({
        status: 409,
        title: 'Conflict',
        detail: `The organization already has an exception rule named "${input.name}".`,
        type: 'https://aispm.dev/problems/conflict',
        errors: [{ path: 'name', message: 'already in use' }],
      });
    }
    return { exception: toDto(rule, rule.suppressedFindings), suppressed: rule.suppressedFindings };
  }

  async remove(tenantId: string, id: string, meta: RequestMeta): Promise<TDeletedFindingException> {
    const removed = await this.repo.remove(tenantId, id, findingActor(meta), (r, reopened) =>
      auditEvent(
        tenantId,
        meta,
        'finding_exceptions.delete',
        { type: 'finding_exception', id: r.id },
        { ...auditMetadata(r), reopened },
      ),
    );
    if (!removed) throw notFound('exception rule', id);
    return { exception: toDto(removed.rule, 0), reopened: removed.reopened };
  }
}
