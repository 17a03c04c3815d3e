import { ListTagsForResourceCommand, type BedrockClient } from '@aws-sdk/client-bedrock';
import {
  ListTagsForResourceCommand as ListAgentTagsForResourceCommand,
  type BedrockAgentClient,
} from '@aws-sdk/client-bedrock-agent';
import type { ItemContext } from './bedrock-listing';

/**
 * Tags of a control-plane resource (custom/imported model, provisioned throughput, guardrail), as a record;
 * null when the resource was deleted since the listing. The control plane returns `[{key, value}]`.
 */
export async function controlPlaneTags<C>(
  ctx: ItemContext<C>,
  client: BedrockClient,
  resourceARN: string,
): Promise<Record<string, string> | null> {
  const out = await ctx.call('ListTagsForResource', () =>
    client.send(new ListTagsForResourceCommand({ resourceARN }), ctx.sendOptions),
  );
  if (!out) return null;
  const tags: Record<string, string> = {};
  for (const tag of out.tags ?? []) if (tag.key !== undefined) tags[tag.key] = tag.value ?? '';
  return tags;
}

/** Tags of an agent or knowledge base (the agents API returns a map); null when the resource is gone. */
export async function agentPlaneTags<C>(
  ctx: ItemContext<C>,
  client: BedrockAgentClient,
  resourceArn: string,
): Promise<Record<string, string> | null> {
  const out = await ctx.call('ListTagsForResource', () =>
    client.send(new ListAgentTagsForResourceCommand({ resourceArn }), ctx.sendOptions),
  );
  return out ? { ...(out.tags ?? {}) } : null;
}
