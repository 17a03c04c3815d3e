import { describe, expect, it } from 'vitest';
import type { TShadowReason } from '@aispm/contracts';
import { detectShadowAi, detectShadowAiBatch } from './detect';
import { compileRegister } from './register';
import type { SanctionedEntry, ShadowAssetInput } from './types';

const ACCOUNT = '123456789012';
const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';

function asset(over: Partial<ShadowAssetInput> & Pick<ShadowAssetInput, 'assetType'>): ShadowAssetInput {
  return {
    provider: 'aws',
    nativeId: `arn:aws:bedrock:us-east-1:${ACCOUNT}:thing/x`,
    name: 'x',
    region: 'us-east-1',
    accountScope: [ACCOUNT],
    attributes: {},
    tags: {},
    ...over,
  };
}

const service = (provider: SanctionedEntry['provider'], value: string): SanctionedEntry => ({
  kind: 'service',
  provider,
  value,
});
const entry = (kind: SanctionedEntry['kind'], provider: SanctionedEntry['provider'], value: string) => ({
  kind,
  provider,
  value,
});

function reasons(a: ShadowAssetInput, entries: SanctionedEntry[]): TShadowReason[] {
  return detectShadowAi(a, compileRegister(entries));
}
const codes = (a: ShadowAssetInput, entries: SanctionedEntry[]) => reasons(a, entries).map((r) => r.code);

const agent = asset({
  assetType: 'aws.bedrock.agent',
  attributes: { agentName: 'support', foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0' },
});

describe('unsanctioned_service', () => {
  it('flags an AI asset whose service is not in the register, naming the entry that would sanction it', () => {
    const r = reasons(agent, [service('aws', 'aws.sagemaker')]);
    expect(r).toEqual([
      {
        code: 'unsanctioned_service',
        title: 'AI service not in the register (aws.bedrock)',
        evidence: {
          path: 'assetType',
          value: 'aws.bedrock.agent',
          missing: { kind: 'service', provider: 'aws', value: 'aws.bedrock' },
          registered: ['aws.sagemaker'],
        },
      },
    ]);
  });

  it('treats an empty register as sanctioning nothing', () => {
    expect(codes(asset({ assetType: 'aws.sagemaker.endpoint' }), [])).toEqual(['unsanctioned_service']);
  });

  it('passes once the service is registered, and only for that provider', () => {
    expect(codes(agent, [service('aws', 'aws.bedrock')])).toEqual([]);
    const ml = asset({
      provider: 'azure',
      assetType: 'azure.ml.workspace',
      nativeId: `/subscriptions/${SUB}/x`,
      accountScope: [SUB],
    });
    expect(codes(ml, [service('aws', 'aws.bedrock')])).toEqual(['unsanctioned_service']);
    expect(codes(ml, [service('azure', 'azure.ml')])).toEqual([]);
  });

  it('lets an umbrella sanction what is under it, never the other way round', () => {
    const workbench = asset({ provider: 'gcp', assetType: 'gcp.notebooks.instance', accountScope: ['p'] });
    expect(codes(workbench, [service('gcp', 'gcp.vertex')])).toEqual([]);
    const vertex = asset({ provider: 'gcp', assetType: 'gcp.vertex.endpoint', accountScope: ['p'] });
    expect(codes(vertex, [service('gcp', 'gcp.notebooks')])).toEqual(['unsanctioned_service']);
  });

  it('does not look at assets that are not AI', () => {
    for (const assetType of [
      'aws.s3.bucket',
      'aws.iam.role',
      'aws.kms.key',
      'azure.storage.account',
      'aws.ec2.instance',
    ])
      expect(codes(asset({ assetType }), []), assetType).toEqual([]);
  });
});

describe('ai_api_enabled_unregistered', () => {
  const api = (name: string, state?: unknown) =>
    asset({
      provider: 'gcp',
      assetType: 'gcp.serviceusage.service',
      nativeId: `projects/123456/services/${name}`,
      name,
      region: 'global',
      accountScope: ['123456', 'research-prod'],
      attributes: {
        name: `projects/123456/services/${name}`,
        config: { name, title: 'x' },
        ...(state === undefined ? {} : { state }),
      },
    });

  it('flags the Vertex AI and Gemini APIs enabled with no sanctioned service', () => {
    const vertex = reasons(api('aiplatform.googleapis.com', 'ENABLED'), []);
    expect(vertex).toEqual([
      {
        code: 'ai_api_enabled_unregistered',
        title: 'AI API enabled with no registered use (gcp.vertex)',
        evidence: {
          path: 'attributes.config.name',
          value: 'aiplatform.googleapis.com',
          missing: { kind: 'service', provider: 'gcp', value: 'gcp.vertex' },
          registered: [],
        },
      },
    ]);
    expect(
      reasons(api('generativelanguage.googleapis.com'), [service('gcp', 'gcp.vertex')])[0],
    ).toMatchObject({
      code: 'ai_api_enabled_unregistered',
      evidence: { missing: { value: 'gcp.gemini' } },
    });
    expect(codes(api('ml.googleapis.com', 2), [])).toEqual(['ai_api_enabled_unregistered']);
  });

  it('stays quiet on registered, disabled and non-AI APIs', () => {
    expect(codes(api('aiplatform.googleapis.com', 'ENABLED'), [service('gcp', 'gcp.vertex')])).toEqual([]);
    expect(codes(api('aiplatform.googleapis.com', 'DISABLED'), [])).toEqual([]);
    expect(codes(api('compute.googleapis.com', 'ENABLED'), [])).toEqual([]);
    expect(codes(api('storage.googleapis.com', 'ENABLED'), [])).toEqual([]);
  });

  it('reads the API name from the native id when the config is absent', () => {
    const bare = asset({
      provider: 'gcp',
      assetType: 'gcp.serviceusage.service',
      nativeId: 'projects/123456/services/generativelanguage.googleapis.com',
      name: 'generativelanguage.googleapis.com',
      region: 'global',
      accountScope: ['123456'],
    });
    expect(reasons(bare, [])[0]?.evidence).toMatchObject({
      path: 'nativeId',
      value: 'projects/123456/services/generativelanguage.googleapis.com',
    });
  });

  it('flags an Azure OpenAI or AI Services account outside the register, but not other Cognitive Services kinds', () => {
    const account = (kind: string) =>
      asset({
        provider: 'azure',
        assetType: 'azure.cognitiveservices.account',
        nativeId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a`,
        region: 'eastus',
        accountScope: [SUB],
        attributes: { kind, properties: {} },
      });
    expect(reasons(account('OpenAI'), [])[0]).toMatchObject({
      code: 'ai_api_enabled_unregistered',
      evidence: { path: 'attributes.kind', value: 'OpenAI', missing: { value: 'azure.openai' } },
    });
    expect(codes(account('AIServices'), [service('azure', 'azure.openai')])).toEqual([
      'ai_api_enabled_unregistered',
    ]);
    expect(codes(account('OpenAI'), [service('azure', 'azure.openai')])).toEqual([]);
    expect(codes(account('OpenAI'), [service('azure', 'azure.cognitiveservices')])).toEqual([]);
    expect(codes(account('TextAnalytics'), [])).toEqual(['unsanctioned_service']);
    expect(codes(account('TextAnalytics'), [service('azure', 'azure.openai')])).toEqual([
      'unsanctioned_service',
    ]);
  });
});

describe('unsanctioned_account', () => {
  it('applies only when the register lists accounts for that provider', () => {
    const other = asset({ assetType: 'aws.bedrock.guardrail', accountScope: ['999999999999'] });
    expect(codes(other, [service('aws', 'aws.bedrock')])).toEqual([]);
    expect(codes(other, [service('aws', 'aws.bedrock'), entry('account', 'gcp', 'research-prod')])).toEqual(
      [],
    );
    const r = reasons(other, [service('aws', 'aws.bedrock'), entry('account', 'aws', ACCOUNT)]);
    expect(r).toEqual([
      {
        code: 'unsanctioned_account',
        title: 'AI in an account not in the register',
        evidence: {
          path: 'nativeId',
          value: other.nativeId,
          missing: { kind: 'account', provider: 'aws', value: '999999999999' },
          registered: [ACCOUNT],
        },
      },
    ]);
    expect(
      codes(asset({ assetType: 'aws.bedrock.guardrail' }), [
        service('aws', 'aws.bedrock'),
        entry('account', 'aws', ACCOUNT),
      ]),
    ).toEqual([]);
  });

  it('matches any id the account is known by, and gives no verdict when none is known', () => {
    const vertex = asset({
      provider: 'gcp',
      assetType: 'gcp.vertex.model',
      accountScope: ['123456', 'research-prod'],
    });
    const reg = [service('gcp', 'gcp.vertex'), entry('account', 'gcp', 'research-prod')];
    expect(codes(vertex, reg)).toEqual([]);
    expect(codes({ ...vertex, accountScope: [] }, reg)).toEqual([]);
  });
});

describe('unapproved_region', () => {
  const logging = asset({ assetType: 'aws.bedrock.invocation_logging', region: 'us-west-2' });

  it('flags Bedrock, invocation logging included, in a region the register does not list', () => {
    const r = reasons(logging, [
      service('aws', 'aws.bedrock'),
      entry('region', 'aws', 'aws.bedrock:eu-west-1'),
    ]);
    expect(r).toEqual([
      {
        code: 'unapproved_region',
        title: 'AI used in an unapproved region (us-west-2)',
        evidence: {
          path: 'region',
          value: 'us-west-2',
          missing: { kind: 'region', provider: 'aws', value: 'aws.bedrock:us-west-2' },
          registered: ['aws.bedrock:eu-west-1'],
        },
      },
    ]);
  });

  it('lets service-scoped entries decide for their service, provider-wide entries for the rest', () => {
    const reg = [
      service('aws', 'aws.bedrock'),
      service('aws', 'aws.sagemaker'),
      entry('region', 'aws', 'us-east-1'),
      entry('region', 'aws', 'aws.bedrock:eu-west-1'),
    ];
    expect(codes(asset({ assetType: 'aws.bedrock.agent', region: 'us-east-1' }), reg)).toEqual([
      'unapproved_region',
    ]);
    expect(codes(asset({ assetType: 'aws.bedrock.agent', region: 'eu-west-1' }), reg)).toEqual([]);
    expect(codes(asset({ assetType: 'aws.sagemaker.endpoint', region: 'us-east-1' }), reg)).toEqual([]);
    expect(codes(asset({ assetType: 'aws.sagemaker.endpoint', region: 'eu-west-1' }), reg)).toEqual([
      'unapproved_region',
    ]);
  });

  it('accepts region globs, normalises Azure locations and skips global resources', () => {
    expect(
      codes(asset({ assetType: 'aws.bedrock.agent', region: 'eu-central-1' }), [
        service('aws', 'aws.bedrock'),
        entry('region', 'aws', 'eu-*'),
      ]),
    ).toEqual([]);
    const azure = asset({
      provider: 'azure',
      assetType: 'azure.ml.workspace',
      region: 'West Europe',
      accountScope: [SUB],
    });
    expect(codes(azure, [service('azure', 'azure.ml'), entry('region', 'azure', 'westeurope')])).toEqual([]);
    expect(
      codes({ ...azure, region: 'eastus' }, [
        service('azure', 'azure.ml'),
        entry('region', 'azure', 'westeurope'),
      ]),
    ).toEqual(['unapproved_region']);
    expect(
      codes(asset({ assetType: 'aws.bedrock.agent', region: 'global' }), [
        service('aws', 'aws.bedrock'),
        entry('region', 'aws', 'eu-west-1'),
      ]),
    ).toEqual([]);
  });

  it('gives no verdict when the register lists no region for the provider', () => {
    expect(codes(logging, [service('aws', 'aws.bedrock'), entry('region', 'azure', 'westeurope')])).toEqual(
      [],
    );
  });
});

describe('unsanctioned_model', () => {
  const reg = (...models: string[]) => [
    service('aws', 'aws.bedrock'),
    ...models.map((m) => entry('model', 'aws', m)),
  ];

  it('flags a Bedrock agent foundation model outside the sanctioned patterns, with the field and the entry to add', () => {
    expect(reasons(agent, reg('anthropic.claude-3-5-sonnet*'))).toEqual([
      {
        code: 'unsanctioned_model',
        title: 'Model not in the register (anthropic.claude-3-haiku-20240307-v1:0)',
        evidence: {
          path: 'attributes.foundationModel',
          value: 'anthropic.claude-3-haiku-20240307-v1:0',
          missing: { kind: 'model', provider: 'aws', value: 'anthropic.claude-3-haiku-20240307-v1:0' },
          registered: ['anthropic.claude-3-5-sonnet*'],
        },
      },
    ]);
    expect(codes(agent, reg('anthropic.claude-3-haiku*'))).toEqual([]);
    expect(codes(agent, [service('aws', 'aws.bedrock')])).toEqual([]);
  });

  it('matches foundation-model ARNs and cross-region inference profiles by model id', () => {
    const custom = asset({
      assetType: 'aws.bedrock.custom_model',
      attributes: {
        baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k',
      },
    });
    expect(codes(custom, reg('amazon.titan-text-express*'))).toEqual([]);
    expect(reasons(custom, reg('anthropic.*'))[0]?.evidence.missing?.value).toBe(
      'amazon.titan-text-express-v1:0:8k',
    );
    const profiled = asset({
      assetType: 'aws.bedrock.agent',
      attributes: {
        foundationModel:
          'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0',
      },
    });
    expect(codes(profiled, reg('anthropic.claude-3-5-sonnet*'))).toEqual([]);
    const kb = asset({
      assetType: 'aws.bedrock.knowledge_base',
      attributes: {
        knowledgeBaseConfiguration: {
          vectorKnowledgeBaseConfiguration: {
            embeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-english-v3',
          },
        },
      },
    });
    expect(reasons(kb, reg('amazon.titan-embed*'))[0]?.evidence.path).toBe(
      'attributes.knowledgeBaseConfiguration.vectorKnowledgeBaseConfiguration.embeddingModelArn',
    );
  });

  it('reads an Azure OpenAI deployment model name and version', () => {
    const dep = asset({
      provider: 'azure',
      assetType: 'azure.cognitiveservices.deployment',
      nativeId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/deployments/chat`,
      region: 'eastus',
      accountScope: [SUB],
      attributes: { properties: { model: { format: 'OpenAI', name: 'gpt-35-turbo', version: '0613' } } },
    });
    const azure = (...m: string[]) => [
      service('azure', 'azure.openai'),
      ...m.map((v) => entry('model', 'azure', v)),
    ];
    expect(reasons(dep, azure('gpt-4o*'))[0]).toMatchObject({
      code: 'unsanctioned_model',
      evidence: { path: 'attributes.properties.model.name', value: 'gpt-35-turbo:0613' },
    });
    expect(codes(dep, azure('gpt-4o*', 'gpt-35-turbo'))).toEqual([]);
    expect(codes(dep, azure('gpt-35-turbo:0613'))).toEqual([]);
    expect(codes(dep, azure('gpt-35-turbo:1106'))).toEqual(['unsanctioned_model']);
  });

  it('reads each model a Vertex endpoint serves, by resource name or display name', () => {
    const ep = asset({
      provider: 'gcp',
      assetType: 'gcp.vertex.endpoint',
      accountScope: ['p'],
      attributes: {
        deployedModels: [
          { id: '1', model: 'projects/p/locations/us-central1/models/8812', displayName: 'fraud-scorer' },
          { id: '2', model: 'publishers/google/models/gemma-2-9b-it', displayName: 'gemma' },
        ],
      },
    });
    const gcp = (...m: string[]) => [service('gcp', 'gcp.vertex'), ...m.map((v) => entry('model', 'gcp', v))];
    expect(reasons(ep, gcp('fraud-*')).map((r) => [r.code, r.evidence.path])).toEqual([
      ['unsanctioned_model', 'attributes.deployedModels[1].model'],
    ]);
    expect(codes(ep, gcp('fraud-*', 'gemma-2-*'))).toEqual([]);
  });

  it('applies only to assets that name a model', () => {
    expect(codes(asset({ assetType: 'aws.bedrock.guardrail' }), reg('anthropic.*'))).toEqual([]);
    // An agent on provisioned throughput names the throughput, which is judged on its own.
    const onThroughput = asset({
      assetType: 'aws.bedrock.agent',
      attributes: { foundationModel: `arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model/76b84863ff11` },
    });
    expect(codes(onThroughput, reg('anthropic.*'))).toEqual([]);
  });
});

describe('self_hosted_model_server', () => {
  const ec2 = asset({
    assetType: 'aws.ec2.instance',
    nativeId: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`,
    name: 'i-0abc',
    tags: { Name: 'ollama-gpu-01' },
  });

  it('flags a model server on compute with the field that shows it', () => {
    expect(reasons(ec2, [])).toEqual([
      {
        code: 'self_hosted_model_server',
        title: 'Self-hosted model server (Ollama)',
        evidence: {
          path: 'tags.Name',
          value: 'ollama-gpu-01',
          missing: { kind: 'service', provider: 'aws', value: 'aws.self_hosted' },
        },
      },
    ]);
  });

  it('is sanctioned by <provider>.self_hosted, which then still answers to accounts and regions', () => {
    expect(codes(ec2, [service('aws', 'aws.self_hosted')])).toEqual([]);
    expect(
      codes(ec2, [service('aws', 'aws.self_hosted'), entry('region', 'aws', 'aws.self_hosted:eu-west-1')]),
    ).toEqual(['unapproved_region']);
    expect(codes(ec2, [service('aws', 'aws.self_hosted'), entry('account', 'aws', '999999999999')])).toEqual([
      'unsanctioned_account',
    ]);
  });

  it('reports a SageMaker model running vLLM even where SageMaker is sanctioned', () => {
    const model = asset({
      assetType: 'aws.sagemaker.model',
      attributes: { PrimaryContainer: { Image: 'vllm/vllm-openai:v0.6.3' } },
    });
    expect(codes(model, [service('aws', 'aws.sagemaker')])).toEqual(['self_hosted_model_server']);
    expect(codes(model, [])).toEqual(['unsanctioned_service', 'self_hosted_model_server']);
  });

  it('leaves ordinary machines alone', () => {
    expect(codes({ ...ec2, tags: { Name: 'web-01' } }, [])).toEqual([]);
  });
});

describe('detectShadowAiBatch', () => {
  it('derives each row account from its native id and a single-scope connection', () => {
    const rows = [
      {
        provider: 'gcp' as const,
        assetType: 'gcp.vertex.endpoint',
        nativeId: 'projects/123456/locations/us-central1/endpoints/9',
        name: '9',
        region: 'us-central1',
        attributes: {},
        tags: {},
        connectionScopeIds: ['research-prod'],
      },
    ];
    const reg = [service('gcp', 'gcp.vertex'), entry('account', 'gcp', 'research-prod')];
    expect(detectShadowAiBatch(rows, reg)).toEqual([[]]);
    expect(
      detectShadowAiBatch([{ ...rows[0]!, connectionScopeIds: ['a-project', 'b-project'] }], reg)[0]!.map(
        (r) => r.code,
      ),
    ).toEqual(['unsanctioned_account']);
  });
});
