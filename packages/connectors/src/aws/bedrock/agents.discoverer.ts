import { GetGuardrailCommand, type BedrockClient } from '@aws-sdk/client-bedrock';
import {
  GetAgentCommand,
  GetKnowledgeBaseCommand,
  paginateListAgentKnowledgeBases,
  paginateListAgents,
  type Agent,
  type BedrockAgentClient,
} from '@aws-sdk/client-bedrock-agent';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import {
  bedrockAgentClientFor,
  bedrockClientFor,
  bedrockListingDiscoverer,
  collectPages,
  missingArn,
  nameOr,
  type ItemContext,
} from './bedrock-listing';
import { agentPlaneTags } from './bedrock-tags';
import {
  BEDROCK_ASSET_TYPES,
  kmsRelations,
  modelRelation,
  roleRelation,
  type TAssetRelation,
} from './bedrock-relations.mapper';

const SERVICE = 'bedrock.agents';

interface AgentClients {
  agent: BedrockAgentClient;
  control: BedrockClient;
}

/**
 * Bedrock Agents of one region: ListAgents, then GetAgent (the working DRAFT, attributes as returned) and
 * ListAgentKnowledgeBases of that version, kept under the added attribute `knowledgeBases` (the summaries as
 * returned). Relations: `uses_role` agentResourceRoleArn, `encrypted_by` customerEncryptionKeyArn,
 * `uses_model` foundationModel (a model id as returned, or a provisioned/custom model ARN), `uses_guardrail`
 * the guardrail's ARN (agents name it by id and version: resolved with GetGuardrail, no edge when that
 * version no longer exists), `uses_knowledge_base` each associated knowledge base's ARN (GetKnowledgeBase).
 */
export const bedrockAgentsDiscoverer: ServiceDiscoverer<'aws'> = bedrockListingDiscoverer({
  service: SERVICE,
  assetTypes: [BEDROCK_ASSET_TYPES.agent],
  listOperation: 'ListAgents',
  client: (target, opts): AgentClients => ({
    agent: bedrockAgentClientFor(target, opts),
    control: bedrockClientFor(target, opts),
  }),
  list: (clients, pageSize, sendOptions) =>
    paginateListAgents({ client: clients.agent, pageSize }, {}, sendOptions),
  summaries: (page) => page.agentSummaries,
  async records(summary, ctx) {
    const agentId = summary.agentId ?? '';
    const got = await ctx.call('GetAgent', () =>
      ctx.client.agent.send(new GetAgentCommand({ agentId }), ctx.sendOptions),
    );
    const agent = got?.agent;
    if (!agent) return [];
    if (!agent.agentArn) missingArn(SERVICE, 'GetAgent', ctx.target, `Agent ${agentId}`);
    const tags = await agentPlaneTags(ctx, ctx.client.agent, agent.agentArn);
    if (!tags) return [];
    const knowledgeBases = await ctx.call('ListAgentKnowledgeBases', () =>
      collectPages(
        paginateListAgentKnowledgeBases(
          { client: ctx.client.agent, pageSize: ctx.pageSize },
          { agentId, agentVersion: agent.agentVersion ?? 'DRAFT' },
          ctx.sendOptions,
        ),
        (page) => page.agentKnowledgeBaseSummaries,
      ),
    );
    // The agent was deleted after GetAgent.
    if (!knowledgeBases) return [];
    const kbIds = [...new Set(knowledgeBases.map((k) => k.knowledgeBaseId).filter((id) => id !== undefined))];
    return [
      {
        assetType: BEDROCK_ASSET_TYPES.agent,
        nativeId: agent.agentArn,
        name: nameOr(agent.agentName, agent.agentArn),
        region: ctx.target.region,
        attributes: {
          ...toAssetAttributes(agent),
          knowledgeBases: knowledgeBases.map((k) => toAssetAttributes(k)),
        },
        tags,
        relations: [
          ...roleRelation(agent.agentResourceRoleArn),
          ...kmsRelations(agent.customerEncryptionKeyArn),
          ...modelRelation(agent.foundationModel),
          ...(await guardrailRelation(agent, ctx)),
          ...(await Promise.all(kbIds.map((id) => knowledgeBaseRelation(id, ctx)))).flat(),
        ],
      },
    ];
  },
});

async function guardrailRelation(agent: Agent, ctx: ItemContext<AgentClients>): Promise<TAssetRelation[]> {
  const identifier = agent.guardrailConfiguration?.guardrailIdentifier;
  if (!identifier) return [];
  const version = agent.guardrailConfiguration?.guardrailVersion;
  const guardrail = await ctx.lookup('GetGuardrail', `${identifier}\0${version ?? ''}`, () =>
    ctx.client.control.send(
      new GetGuardrailCommand({
        guardrailIdentifier: identifier,
        ...(version !== undefined && { guardrailVersion: version }),
      }),
      ctx.sendOptions,
    ),
  );
  return guardrail?.guardrailArn
    ? [
        {
          kind: 'uses_guardrail',
          toAssetType: BEDROCK_ASSET_TYPES.guardrail,
          toNativeId: guardrail.guardrailArn,
        },
      ]
    : [];
}

async function knowledgeBaseRelation(
  knowledgeBaseId: string,
  ctx: ItemContext<AgentClients>,
): Promise<TAssetRelation[]> {
  const got = await ctx.lookup('GetKnowledgeBase', knowledgeBaseId, () =>
    ctx.client.agent.send(new GetKnowledgeBaseCommand({ knowledgeBaseId }), ctx.sendOptions),
  );
  const arn = got?.knowledgeBase?.knowledgeBaseArn;
  return arn
    ? [{ kind: 'uses_knowledge_base', toAssetType: BEDROCK_ASSET_TYPES.knowledgeBase, toNativeId: arn }]
    : [];
}
