import type { FieldValue, ShadowAssetInput } from './types';

/** A model an asset names, where it names it, and other names the same model goes by (tried against the register). */
export interface ModelRef extends FieldValue {
  aliases: string[];
}

function at(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${k}`),
    'attributes',
  );
}

// Cross-region inference profiles prefix the model id with a geography: us.anthropic.claude-3-5-sonnet-...
const INFERENCE_GEO = /^(?:us|eu|apac|us-gov|ca|jp|au|global)\./;

/**
 * Names a register model pattern is tried against: the value itself, the id inside an ARN
 * (`arn:aws:bedrock:...:foundation-model/<id>`) or resource name (`publishers/google/models/<id>`,
 * `azureml://registries/r/models/<name>/versions/3`), and the id without an inference-profile geography.
 */
export function modelAliases(value: string): string[] {
  const v = value.toLowerCase();
  const out = new Set<string>([v]);
  if (v.startsWith('arn:')) {
    const resource = v.split(':').slice(5).join(':');
    const id = resource.slice(resource.indexOf('/') + 1);
    if (id) out.add(id);
  }
  const models = /(?:^|\/)models\/([^/]+)(?:\/versions\/([^/]+))?/.exec(v);
  if (models?.[1]) {
    out.add(models[1]);
    if (models[2]) out.add(`${models[1]}:${models[2]}`);
  }
  for (const a of [...out]) if (INFERENCE_GEO.test(a)) out.add(a.replace(INFERENCE_GEO, ''));
  return [...out];
}

/**
 * Bedrock resources standing for a model (a provisioned throughput, a custom or imported model) carry no model
 * name; the resource they point at is inventoried and judged on its own.
 */
const BEDROCK_MODEL_RESOURCE =
  /^arn:aws[\w-]*:bedrock:[^:]*:\d*:(?:provisioned-model|custom-model|imported-model)\//i;

function ref(attributes: Record<string, unknown>, path: (string | number)[]): ModelRef[] {
  const v = at(attributes, path);
  if (typeof v !== 'string' || !v.trim() || BEDROCK_MODEL_RESOURCE.test(v)) return [];
  return [{ path: fieldPath(path), value: v, aliases: modelAliases(v) }];
}

/**
 * The models a deployment, endpoint or agent names, as the cloud returned them: a Bedrock agent's
 * foundationModel, a custom model's baseModelArn, a provisioned throughput's foundationModelArn, a knowledge
 * base's embedding model, an Azure OpenAI deployment's properties.model (name and version), an Azure ML
 * deployment's properties.model, a Vertex endpoint's deployed models, a Vertex model's Model Garden source.
 */
export function modelRefsOf(asset: Pick<ShadowAssetInput, 'assetType' | 'attributes'>): ModelRef[] {
  const a = asset.attributes;
  switch (asset.assetType) {
    case 'aws.bedrock.agent':
      return ref(a, ['foundationModel']);
    case 'aws.bedrock.custom_model':
      return ref(a, ['baseModelArn']);
    case 'aws.bedrock.provisioned_throughput':
      return ref(a, ['foundationModelArn']);
    case 'aws.bedrock.knowledge_base':
      return [
        ...ref(a, ['knowledgeBaseConfiguration', 'vectorKnowledgeBaseConfiguration', 'embeddingModelArn']),
        ...ref(a, ['knowledgeBaseConfiguration', 'managedKnowledgeBaseConfiguration', 'embeddingModelArn']),
      ];
    case 'azure.cognitiveservices.deployment': {
      const name = at(a, ['properties', 'model', 'name']);
      const version = at(a, ['properties', 'model', 'version']);
      if (typeof name !== 'string' || !name.trim()) return [];
      const n = name.toLowerCase();
      const withVersion =
        typeof version === 'string' && version ? `${n}:${version.toLowerCase()}` : undefined;
      return [
        {
          path: 'attributes.properties.model.name',
          value: withVersion ? `${name}:${version as string}` : name,
          aliases: withVersion ? [n, withVersion] : [n],
        },
      ];
    }
    case 'azure.ml.online_deployment':
    case 'azure.ml.batch_deployment':
      return ref(a, ['properties', 'model']);
    case 'gcp.vertex.endpoint': {
      const deployed = a.deployedModels;
      if (!Array.isArray(deployed)) return [];
      return deployed.flatMap((d: unknown, i) => {
        const found = ref(a, ['deployedModels', i, 'model']);
        const display = at(d, ['displayName']);
        if (typeof display === 'string' && display)
          for (const r of found) r.aliases.push(display.toLowerCase());
        return found;
      });
    }
    case 'gcp.vertex.model':
      return ref(a, ['baseModelSource', 'modelGardenSource', 'publicModelName']);
    default:
      return [];
  }
}
