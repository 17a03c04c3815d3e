import { Inject, Injectable } from '@nestjs/common';
import {
  ZCustomFrameworkDefinition,
  type TAffectedAssetPage,
  type TComplianceControl,
  type TControlAssetsQuery,
  type TCustomFrameworkDefinition,
  type TFrameworkPosture,
  type TFrameworkSummary,
} from '@aispm/contracts';
import {
  builtInMappings,
  frameworkPosture,
  frameworks,
  parseCustomFramework,
  type CheckCounts,
  type ControlCheckMapping,
  type FrameworkProblem,
  type PostureControl,
} from '@aispm/compliance';
import { newId, type CustomFramework } from '@aispm/db';
import { checks, findCheck } from '@aispm/risk';
import { z } from 'zod';
import { auditEvent } from '../../common/audit';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { notFound, ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { ComplianceRepository } from './compliance.repository';

/** A framework as posture reads it, built-in or uploaded. */
interface FrameworkDefinition {
  key: string;
  name: string;
  version: string;
  builtIn: boolean;
  controls: PostureControl[];
  mappings: ControlCheckMapping[];
  attribution: { source: string; license: string } | null;
  createdBy: string | null;
  createdAt: string | null;
}

/** An upload as the controller read it: a JSON body the API already parsed, or YAML text. */
export interface FrameworkUpload {
  format: 'json' | 'yaml';
  text: string;
}

const BUILT_IN: readonly FrameworkDefinition[] = frameworks.map((f) => ({
  key: f.key,
  name: f.name,
  version: f.version,
  builtIn: true,
  controls: f.controls.map((c) => ({ id: c.id, title: c.title })),
  mappings: builtInMappings(f, checks),
  attribution: { source: f.source, license: f.license },
  createdBy: null,
  createdAt: null,
}));
const KNOWN_CHECK_IDS: ReadonlySet<string> = new Set(checks.map((c) => c.id));

function customDefinition(row: CustomFramework): FrameworkDefinition {
  // Validated on upload; a check removed from aispm since then no longer counts (findCheck below skips it).
  const controls = ZCustomFrameworkDefinition.shape.controls.parse(row.controls);
  return {
    key: row.key,
    name: row.name,
    version: row.version,
    builtIn: false,
    controls: controls.map((c) => ({ id: c.id, title: c.title, description: c.description })),
    mappings: controls.flatMap((c) =>
      c.checks
        .filter((m) => findCheck(m.checkId))
        .map((m) => ({ controlId: c.id, checkId: m.checkId, relationship: m.relationship })),
    ),
    attribution: null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

function summaryOf(def: FrameworkDefinition, counts: readonly CheckCounts[]): TFrameworkSummary {
  return {
    key: def.key,
    name: def.name,
    version: def.version,
    builtIn: def.builtIn,
    controls: frameworkPosture(def, def.mappings, counts).totals,
    createdBy: def.createdBy,
    createdAt: def.createdAt,
  };
}

function invalidFramework(errors: FrameworkProblem[]): ProblemException {
  const listed = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return new ProblemException({
    status: 400,
    title: 'Invalid framework',
    detail: `The framework file was not accepted: ${listed.join('; ')}`,
    type: 'https://aispm.dev/problems/validation',
    errors,
  });
}

const ZAssetCursor = z.tuple([z.uuid()]);

/**
 * Compliance posture per framework. Built-in frameworks come from the catalogs and the checks' own mappings;
 * custom ones are uploaded per organization. Every figure is read from `check_summaries` (per account and
 * check), never by grouping findings; only the affected-assets list reads findings, a page at a time.
 */
@Injectable()
export class ComplianceService {
  constructor(@Inject(ComplianceRepository) private readonly repo: ComplianceRepository) {}

  async list(tenantId: string): Promise<TFrameworkSummary[]> {
    const [counts, custom] = await Promise.all([
      this.repo.checkCounts(tenantId),
      this.repo.listCustom(tenantId),
    ]);
    return [...BUILT_IN, ...custom.map(customDefinition)].map((def) => summaryOf(def, counts));
  }

  async get(tenantId: string, key: string, accountId?: string): Promise<TFrameworkPosture> {
    const def = await this.definition(tenantId, key);
    if (accountId && !(await this.repo.accountExists(tenantId, accountId)))
      throw notFound('cloud account', accountId);
    const posture = frameworkPosture(def, def.mappings, await this.repo.checkCounts(tenantId, accountId));
    return {
      key: def.key,
      name: def.name,
      version: def.version,
      builtIn: def.builtIn,
      controls: posture.totals,
      createdBy: def.createdBy,
      createdAt: def.createdAt,
      accountId: accountId ?? null,
      attribution: def.attribution,
      items: posture.controls.map((c): TComplianceControl => ({
        id: c.id,
        title: c.title,
        description: c.description ?? null,
        status: c.status,
        checks: c.checks.flatMap((m) => {
          const check = findCheck(m.checkId);
          return check
            ? [
                {
                  checkId: m.checkId,
                  title: check.title,
                  severity: check.severity,
                  provider: check.provider,
                  relationship: m.relationship,
                  failing: m.failing,
                  passing: m.passing,
                  unknown: m.unknown,
                  suppressed: m.suppressed,
                },
              ]
            : [];
        }),
        failing: c.failing,
        passing: c.passing,
        unknown: c.unknown,
        suppressed: c.suppressed,
      })),
    };
  }

  async controlAssets(
    tenantId: string,
    key: string,
    controlId: string,
    q: TControlAssetsQuery,
  ): Promise<TAffectedAssetPage> {
    const def = await this.definition(tenantId, key);
    if (!def.controls.some((c) => c.id === controlId)) {
      throw new ProblemException({
        status: 404,
        title: 'Not found',
        detail: `${def.name} has no control ${controlId}.`,
        type: 'https://aispm.dev/problems/not-found',
      });
    }
    const checkIds = [
      ...new Set(def.mappings.filter((m) => m.controlId === controlId).map((m) => m.checkId)),
    ];
    if (checkIds.length === 0) return { items: [], nextCursor: null };
    const afterId = q.cursor ? decodeCursor(q.cursor, ZAssetCursor)[0] : undefined;
    const rows = await this.repo.affectedAssets(tenantId, checkIds, {
      accountId: q.accountId,
      afterId,
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit).map((r) => ({
      id: r.id,
      accountId: r.account_id,
      name: r.name,
      nativeId: r.native_id,
      assetType: r.asset_type,
      provider: r.provider,
      region: r.region,
      riskScore: r.risk_score,
      checks: r.check_ids.flatMap((id) => {
        const check = findCheck(id);
        return check ? [{ checkId: id, title: check.title, severity: check.severity }] : [];
      }),
    }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
  }

  async create(tenantId: string, upload: FrameworkUpload, meta: RequestMeta): Promise<TFrameworkSummary> {
    const options = { knownCheckIds: KNOWN_CHECK_IDS };
    const result = parseCustomFramework(upload.text, upload.format, options);
    if (!result.ok) throw invalidFramework(result.errors);
    const f: TCustomFrameworkDefinition = result.framework;
    const id = newId();
    const row = await this.repo.createCustom(
      tenantId,
      {
        id,
        key: f.key,
        name: f.name,
        version: f.version,
        controls: f.controls,
        createdBy: meta.actor.email ?? meta.actor.id ?? meta.actor.type,
      },
      auditEvent(
        tenantId,
        meta,
        'compliance_framework.create',
        { type: 'custom_framework', id },
        {
          key: f.key,
          name: f.name,
          version: f.version,
          controls: f.controls.length,
        },
      ),
    );
    if (!row) {
      throw new ProblemException({
        status: 409,
        title: 'Conflict',
        detail: `This organization already has a framework with key "${f.key}"; delete it first to replace it.`,
        type: 'https://aispm.dev/problems/conflict',
        errors: [{ path: 'key', message: 'already exists' }],
      });
    }
    return summaryOf(customDefinition(row), await this.repo.checkCounts(tenantId));
  }

  async remove(tenantId: string, key: string, meta: RequestMeta): Promise<TFrameworkSummary> {
    const row = await this.repo.deleteCustom(tenantId, key, (r) =>
      auditEvent(
        tenantId,
        meta,
        'compliance_framework.delete',
        { type: 'custom_framework', id: r.id },
        {
          key: r.key,
          name: r.name,
          version: r.version,
        },
      ),
    );
    if (!row) {
      throw new ProblemException({
        status: 404,
        title: 'Not found',
        detail: BUILT_IN.some((b) => b.key === key)
          ? `"${key}" is a built-in framework; only uploaded frameworks can be deleted.`
          : `No custom framework with key "${key}" in this organization.`,
        type: 'https://aispm.dev/problems/not-found',
      });
    }
    return summaryOf(customDefinition(row), await this.repo.checkCounts(tenantId));
  }

  private async definition(tenantId: string, key: string): Promise<FrameworkDefinition> {
    const builtIn = BUILT_IN.find((f) => f.key === key);
    if (builtIn) return builtIn;
    const row = await this.repo.findCustom(tenantId, key);
    if (!row) {
      throw new ProblemException({
        status: 404,
        title: 'Not found',
        detail: `No framework with key "${key}" in this organization.`,
        type: 'https://aispm.dev/problems/not-found',
      });
    }
    return customDefinition(row);
  }
}
