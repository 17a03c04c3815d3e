import type { TProvider, TShadowReason } from '@aispm/contracts';
import { accountScopeOf } from './account-scope';
import { aiServiceOf, selfHostedService } from './ai-services';
import { modelRefsOf } from './model-refs';
import { modelServersOf, type ModelServerSighting } from './model-servers';
import { compileRegister, type ShadowRegister } from './register';
import type { SanctionedEntry, ShadowAssetInput } from './types';

/** At most this many unsanctioned models are reported per asset (an endpoint may serve many). */
const MAX_MODEL_REASONS = 10;

/** Regions that are not a place: account-wide resources. */
const PLACELESS = new Set(['', 'global']);

/** Azure answers locations as `westeurope` or `West Europe`. */
function normaliseRegion(region: string): string {
  return region.trim().toLowerCase().replace(/\s+/g, '');
}

function unsanctionedService(
  asset: ShadowAssetInput,
  register: ShadowRegister,
  services: readonly string[],
  api: { path: string; value: string } | undefined,
): TShadowReason[] {
  const sanctioned = register.services(asset.provider);
  if (services.some((s) => sanctioned.has(s))) return [];
  const missing = { kind: 'service' as const, provider: asset.provider, value: services[0]! };
  const registered = [...sanctioned].sort();
  if (api) {
    return [
      {
        code: 'ai_api_enabled_unregistered',
        title: `AI API enabled with no registered use (${services[0]})`,
        evidence: { path: api.path, value: api.value, missing, registered },
      },
    ];
  }
  return [
    {
      code: 'unsanctioned_service',
      title: `AI service not in the register (${services[0]})`,
      evidence: { path: 'assetType', value: asset.assetType, missing, registered },
    },
  ];
}

function unsanctionedAccount(asset: ShadowAssetInput, register: ShadowRegister): TShadowReason[] {
  const accounts = register.accounts(asset.provider);
  // Only when the register lists accounts for this provider, and only when the asset's account is known.
  if (accounts.size === 0 || asset.accountScope.length === 0) return [];
  const scope = asset.accountScope.map((s) => s.toLowerCase());
  if (scope.some((s) => accounts.has(s))) return [];
  return [
    {
      code: 'unsanctioned_account',
      title: 'AI in an account not in the register',
      evidence: {
        path: 'nativeId',
        value: asset.nativeId,
        missing: { kind: 'account', provider: asset.provider, value: scope[0]! },
        registered: [...accounts].sort(),
      },
    },
  ];
}

/**
 * Region entries scoped to one of the asset's services decide for it; otherwise provider-wide entries do;
 * with neither, no verdict. So `aws.bedrock:eu-west-1` keeps Bedrock in Ireland even where `us-east-1` is
 * allowed for everything else.
 */
function unapprovedRegion(
  asset: ShadowAssetInput,
  register: ShadowRegister,
  services: readonly string[],
): TShadowReason[] {
  const region = normaliseRegion(asset.region);
  if (PLACELESS.has(region)) return [];
  const rules = register.regions(asset.provider);
  const scoped = rules.filter((r) => r.service !== undefined && services.includes(r.service));
  const applicable = scoped.length > 0 ? scoped : rules.filter((r) => r.service === undefined);
  if (applicable.length === 0 || applicable.some((r) => r.pattern.test(region))) return [];
  const scope = scoped.length > 0 ? scoped[0]!.service : undefined;
  return [
    {
      code: 'unapproved_region',
      title: `AI used in an unapproved region (${region})`,
      evidence: {
        path: 'region',
        value: asset.region,
        missing: { kind: 'region', provider: asset.provider, value: scope ? `${scope}:${region}` : region },
        registered: applicable.map((r) => (r.service ? `${r.service}:${r.region}` : r.region)).sort(),
      },
    },
  ];
}

function unsanctionedModels(asset: ShadowAssetInput, register: ShadowRegister): TShadowReason[] {
  const models = register.models(asset.provider);
  if (models.length === 0) return [];
  const out: TShadowReason[] = [];
  const seen = new Set<string>();
  for (const ref of modelRefsOf(asset)) {
    if (out.length >= MAX_MODEL_REASONS) break;
    if (seen.has(ref.value) || ref.aliases.some((a) => models.some((m) => m.re.test(a)))) continue;
    seen.add(ref.value);
    out.push({
      code: 'unsanctioned_model',
      title: `Model not in the register (${ref.aliases.at(-1) ?? ref.value})`,
      evidence: {
        path: ref.path,
        value: ref.value,
        missing: { kind: 'model', provider: asset.provider, value: ref.aliases.at(-1) ?? ref.value },
        registered: models.map((m) => m.pattern).sort(),
      },
    });
  }
  return out;
}

function selfHosted(
  asset: ShadowAssetInput,
  register: ShadowRegister,
  sightings: readonly ModelServerSighting[],
): TShadowReason[] {
  const service = selfHostedService(asset.provider);
  if (register.services(asset.provider).has(service)) return [];
  return sightings.map((s) => ({
    code: 'self_hosted_model_server' as const,
    title: `Self-hosted model server (${s.server})`,
    evidence: {
      path: s.path,
      value: s.value,
      missing: { kind: 'service' as const, provider: asset.provider, value: service },
    },
  }));
}

/**
 * Why one asset is shadow AI under the given register: an empty list when it is sanctioned or not AI at all.
 * AI service resources must have their service in the register; when the register lists accounts, models or
 * regions for the provider, those must match too. A model server the organization runs itself makes any
 * compute AI; it is sanctioned only by `<provider>.self_hosted`.
 */
export function detectShadowAi(asset: ShadowAssetInput, register: ShadowRegister): TShadowReason[] {
  const ai = aiServiceOf(asset);
  const sightings = modelServersOf(asset);
  if (!ai && sightings.length === 0) return [];
  const services = [
    ...(ai?.services ?? []),
    ...(sightings.length > 0 ? [selfHostedService(asset.provider)] : []),
  ];
  return [
    ...(ai ? unsanctionedService(asset, register, ai.services, ai.api) : []),
    ...unsanctionedAccount(asset, register),
    ...unapprovedRegion(asset, register, services),
    ...unsanctionedModels(asset, register),
    ...selfHosted(asset, register, sightings),
  ];
}

/** An inventory row as the writer loads it: the account's scope ids instead of a derived account scope. */
export type ShadowAssetRow = Omit<ShadowAssetInput, 'accountScope'> & {
  provider: TProvider;
  connectionScopeIds: readonly string[];
};

/** Runs `detectShadowAi` over a batch of inventory rows with one compiled register. */
export function detectShadowAiBatch(
  rows: readonly ShadowAssetRow[],
  entries: readonly SanctionedEntry[],
): TShadowReason[][] {
  const register = compileRegister(entries);
  return rows.map((row) =>
    detectShadowAi(
      { ...row, accountScope: accountScopeOf(row.provider, row.nativeId, row.connectionScopeIds) },
      register,
    ),
  );
}
