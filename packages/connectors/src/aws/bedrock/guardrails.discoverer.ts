import {
  GetGuardrailCommand,
  paginateListGuardrails,
  type GetGuardrailCommandOutput,
} from '@aws-sdk/client-bedrock';
import { mapWithConcurrency } from '../../concurrency.util';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import {
  bedrockClientFor,
  bedrockListingDiscoverer,
  collectPages,
  missingArn,
  nameOr,
} from './bedrock-listing';
import { controlPlaneTags } from './bedrock-tags';
import { BEDROCK_ASSET_TYPES, kmsRelations } from './bedrock-relations.mapper';

const SERVICE = 'bedrock.guardrails';
const VERSION_CONCURRENCY = 4;

/**
 * Guardrails of one region, one asset per guardrail (every version shares the guardrail's ARN). ListGuardrails
 * names each guardrail's DRAFT; GetGuardrail of the DRAFT gives the attributes, as returned. Agents run pinned
 * versions, so the numbered versions (ListGuardrails with guardrailIdentifier, then GetGuardrail per version)
 * are kept under the added attribute `versions`: one GetGuardrail output per version, oldest first. Relation:
 * `encrypted_by` the kmsKeyArn of the draft or any version (absent when an AWS-owned key is used).
 */
export const bedrockGuardrailsDiscoverer: ServiceDiscoverer<'aws'> = bedrockListingDiscoverer({
  service: SERVICE,
  assetTypes: [BEDROCK_ASSET_TYPES.guardrail],
  listOperation: 'ListGuardrails',
  client: bedrockClientFor,
  list: (client, pageSize, sendOptions) => paginateListGuardrails({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.guardrails,
  async records(summary, ctx) {
    const identifier = summary.arn ?? summary.id ?? '';
    const get = (guardrailVersion?: string) =>
      ctx.call('GetGuardrail', () =>
        ctx.client.send(
          new GetGuardrailCommand({
            guardrailIdentifier: identifier,
            ...(guardrailVersion !== undefined && { guardrailVersion }),
          }),
          ctx.sendOptions,
        ),
      );
    const draft = await get();
    if (!draft) return [];
    if (!draft.guardrailArn) missingArn(SERVICE, 'GetGuardrail', ctx.target, `Guardrail ${identifier}`);
    const tags = await controlPlaneTags(ctx, ctx.client, draft.guardrailArn);
    if (!tags) return [];
    const listed = await ctx.call('ListGuardrails', () =>
      collectPages(
        paginateListGuardrails(
          { client: ctx.client, pageSize: ctx.pageSize },
          { guardrailIdentifier: identifier },
          ctx.sendOptions,
        ),
        (page) => page.guardrails,
      ),
    );
    if (!listed) return [];
    const numbered = listed
      .map((v) => v.version)
      .filter((v): v is string => v !== undefined && v !== 'DRAFT')
      .sort((a, b) => Number(a) - Number(b));
    // A version deleted since the listing is left out; the guardrail itself is still there.
    const versions = (await mapWithConcurrency(numbered, VERSION_CONCURRENCY, (v) => get(v))).filter(
      (v): v is GetGuardrailCommandOutput => v !== null,
    );
    return [
      {
        assetType: BEDROCK_ASSET_TYPES.guardrail,
        nativeId: draft.guardrailArn,
        name: nameOr(draft.name, draft.guardrailArn),
        region: ctx.target.region,
        attributes: { ...toAssetAttributes(draft), versions: versions.map((v) => toAssetAttributes(v)) },
        tags,
        relations: kmsRelations(draft.kmsKeyArn, ...versions.map((v) => v.kmsKeyArn)),
      },
    ];
  },
});
