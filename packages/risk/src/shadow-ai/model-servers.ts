import type { FieldValue, ShadowAssetInput } from './types';

/** A self-hosted model server seen on an asset: which one, and the field and value that show it. */
export interface ModelServerSighting extends FieldValue {
  server: string;
}

/** A container image reference split into its parts; path components lower-cased. */
export interface ImageRef {
  registry: string | undefined;
  components: string[];
}

// The distribution reference grammar (registry/namespace/repository[:tag][@digest]), without URL schemes,
// ARNs or absolute paths, which it would otherwise half-match.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REF = new RegExp(
  `^(?:((?:[a-z0-9-]+\\.)+[a-z0-9-]+(?::\\d+)?|localhost(?::\\d+)?|[a-z0-9-]+:\\d+)/)?` +
    `(${COMPONENT}(?:/${COMPONENT})*)(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
);

/** Parses `value` as a container image reference, or undefined when it is not one. */
export function parseImageRef(value: string): ImageRef | undefined {
  const v = value.trim().toLowerCase();
  if (!v || v.length > 512 || v.includes('://') || v.startsWith('/') || v.startsWith('arn:'))
    return undefined;
  const m = IMAGE_REF.exec(v);
  if (!m) return undefined;
  return { registry: m[1], components: m[2]!.split('/') };
}

/** Words of a repository or host name: `huggingface-pytorch-tgi-inference` -> huggingface, pytorch, tgi, inference. */
function words(s: string): string[] {
  return s.split(/[^a-z0-9]+/).filter(Boolean);
}

function hasSequence(ws: readonly string[], seq: readonly string[]): boolean {
  for (let i = 0; i + seq.length <= ws.length; i++) if (seq.every((w, j) => ws[i + j] === w)) return true;
  return false;
}

interface ServerSignature {
  server: string;
  /** True when the image's repository names this server (never a substring of free text). */
  image(ref: ImageRef, last: readonly string[]): boolean;
  /** Word sequences that name it in an instance's name, tags or image (AMI) name. */
  names: readonly (readonly string[])[];
}

const SERVERS: readonly ServerSignature[] = [
  { server: 'vLLM', image: (_r, w) => w.includes('vllm'), names: [['vllm']] },
  {
    server: 'Text Generation Inference (TGI)',
    image: (_r, w) => w.includes('tgi') || hasSequence(w, ['text', 'generation', 'inference']),
    names: [['text', 'generation', 'inference']],
  },
  { server: 'Ollama', image: (_r, w) => w.includes('ollama'), names: [['ollama']] },
  {
    server: 'NVIDIA Triton Inference Server',
    image: (r, w) => w.includes('tritonserver') || r.components.some((c) => c === 'triton-inference-server'),
    names: [['tritonserver'], ['triton', 'inference', 'server']],
  },
  {
    server: 'llama.cpp server',
    image: (_r, w) => w.includes('llamacpp') || hasSequence(w, ['llama', 'cpp']),
    names: [['llamacpp'], ['llama', 'cpp']],
  },
  {
    server: 'LocalAI',
    image: (r, w) =>
      w.includes('localai') || hasSequence(w, ['local', 'ai']) || r.components[0] === 'go-skynet',
    names: [['localai']],
  },
  {
    server: 'KServe',
    image: (r) => r.components.some((c) => words(c).includes('kserve')),
    names: [['kserve']],
  },
  {
    server: 'Seldon',
    image: (r, w) => r.components[0] === 'seldonio' || w.includes('mlserver') || w.includes('seldon'),
    names: [['seldon', 'core'], ['mlserver']],
  },
  {
    server: 'Ray Serve',
    image: (_r, w) =>
      hasSequence(w, ['ray', 'serve']) || hasSequence(w, ['ray', 'llm']) || w.includes('rayserve'),
    names: [['ray', 'serve'], ['rayserve']],
  },
  {
    server: 'BentoML',
    image: (r) => r.components.some((c) => words(c).includes('bentoml')),
    names: [['bentoml']],
  },
  { server: 'TorchServe', image: (_r, w) => w.includes('torchserve'), names: [['torchserve']] },
  {
    server: 'TensorFlow Serving',
    image: (r, w) =>
      r.components.join('/') === 'tensorflow/serving' || hasSequence(w, ['tensorflow', 'serving']),
    names: [['tensorflow', 'serving']],
  },
  {
    server: 'SGLang',
    image: (r, w) => w.includes('sglang') || r.components[0] === 'lmsysorg',
    names: [['sglang']],
  },
  {
    server: 'NVIDIA NIM',
    image: (r) => r.registry === 'nvcr.io' && r.components[0] === 'nim',
    names: [],
  },
  {
    server: 'Text Embeddings Inference (TEI)',
    image: (_r, w) => hasSequence(w, ['text', 'embeddings', 'inference']),
    names: [['text', 'embeddings', 'inference']],
  },
  {
    server: 'DJL Serving',
    image: (_r, w) => hasSequence(w, ['djl', 'inference']) || hasSequence(w, ['djl', 'serving']),
    names: [['djl', 'serving']],
  },
];

/** The model server an image reference runs, judged by its repository name only. */
export function modelServerOfImage(value: string): string | undefined {
  const ref = parseImageRef(value);
  if (!ref) return undefined;
  const last = words(ref.components.at(-1)!);
  return SERVERS.find((s) => s.image(ref, last))?.server;
}

/** The model server a name, tag or machine-image name mentions as whole words (`ollama-gpu-01`, `vLLM box`). */
export function modelServerOfName(value: string): string | undefined {
  const ws = words(value.toLowerCase());
  return SERVERS.find((s) => s.names.some((seq) => hasSequence(ws, seq)))?.server;
}

/** Types that hold no compute, so no image or server: never searched. */
const NO_COMPUTE = [
  'aws.iam.',
  'aws.s3.',
  'aws.kms.',
  'aws.ec2.vpc_endpoint',
  'aws.bedrock.',
  'azure.storage.',
  'azure.authorization.',
  'azure.cognitiveservices.',
  'gcp.storage.',
  'gcp.serviceusage.',
];

/** Machines whose name, tags and machine-image name are read too (a person names a box after what it runs). */
const MACHINE = /\.(?:instance|virtual_machine|vm|compute|notebook_instance|notebook_runtime)$/;

/** Where a string may be a whole image reference without a registry or namespace (`ollama`, `vllm-openai:v1`). */
const IMAGE_KEY = /image|container|repository/i;
/** Free text (descriptions, comments) is never searched: it talks about servers without running them. */
const PROSE_KEY = /description|comment|note|summary|message|reason|display_?name|title/i;
/** Fields whose text runs programs: startup scripts, container declarations, commands, metadata values. */
const SCRIPT_PATH = /script|metadata|command|args|entrypoint|user_?data|container|declaration|cmd|env/i;
/** Names of machine images and instances (AWS AMI names, a Name attribute). */
const NAME_KEY = /^(?:name|imagename|aminame|image_name|ami_name|sourceimage|source_image)$/i;
/** Port fields (FromPort, containerPort, ports[]), not words that merely end in "port" (Support, Export). */
const PORT_KEY =
  /^(?:(?:from|to|host|container|target|listener|instance|http|https|grpc|metrics|public|private|local|remote|exposed)[_-]?)?ports?$/i;

const OLLAMA_PORT = 11434;
const TRITON_PORTS = [8000, 8001, 8002];

interface Walked {
  path: string;
  key: string;
  value: unknown;
}

/** Every leaf of a JSON value with its path, bounded so a huge attribute cannot stall an evaluation. */
function leaves(root: unknown, base: string, maxDepth = 12, maxLeaves = 5000): Walked[] {
  const out: Walked[] = [];
  const walk = (v: unknown, path: string, key: string, depth: number) => {
    if (out.length >= maxLeaves || depth > maxDepth) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, key, depth + 1));
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v as Record<string, unknown>))
        walk(x, `${path}.${k}`, k, depth + 1);
    else out.push({ path, key, value: v });
  };
  walk(root, base, '', 0);
  return out;
}

/** Image-like words inside a script or a container declaration: `docker run ... vllm/vllm-openai:latest`. */
function embeddedImages(text: string): string[] {
  return text
    .split(/[\s"'`=,;()[\]{}|]+/)
    .map((t) => t.replace(/^image:/i, ''))
    .filter((t) => t.includes('/') && parseImageRef(t) !== undefined);
}

/**
 * Self-hosted model servers an asset reveals: container images (SageMaker PrimaryContainer.Image and
 * Containers[].Image, Vertex containerSpec.imageUri, Azure ML environment images, any attribute that is an image
 * reference), images started by startup scripts and container declarations in instance metadata, and for
 * machines their name, tags, machine-image name and well-known ports. One sighting per server, the first found.
 */
export function modelServersOf(
  asset: Pick<ShadowAssetInput, 'assetType' | 'name' | 'attributes' | 'tags'>,
): ModelServerSighting[] {
  if (NO_COMPUTE.some((p) => asset.assetType.startsWith(p))) return [];
  const found = new Map<string, ModelServerSighting>();
  const see = (server: string | undefined, path: string, value: string) => {
    if (server && !found.has(server)) found.set(server, { server, path, value });
  };
  const machine = MACHINE.test(asset.assetType);
  const ports = new Map<number, string>();

  for (const { path, key, value } of leaves(asset.attributes, 'attributes')) {
    if (PROSE_KEY.test(key)) continue;
    if (typeof value === 'number' && PORT_KEY.test(key)) {
      if (!ports.has(value)) ports.set(value, path);
      continue;
    }
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    const whole = parseImageRef(trimmed);
    if (whole && (whole.components.length > 1 || whole.registry || IMAGE_KEY.test(key))) {
      see(modelServerOfImage(trimmed), path, trimmed);
    } else if (SCRIPT_PATH.test(path) && /\s/.test(trimmed)) {
      for (const image of embeddedImages(trimmed)) see(modelServerOfImage(image), path, image);
    }
    if (machine && NAME_KEY.test(key)) see(modelServerOfName(trimmed), path, trimmed);
    if (PORT_KEY.test(key) && /^\d{2,5}$/.test(trimmed) && !ports.has(Number(trimmed)))
      ports.set(Number(trimmed), path);
  }

  if (machine) {
    see(modelServerOfName(asset.name), 'name', asset.name);
    for (const [k, v] of Object.entries(asset.tags)) {
      if (PROSE_KEY.test(k)) continue;
      see(modelServerOfName(k), `tags.${k}`, k);
      see(modelServerOfName(v), `tags.${k}`, v);
    }
    const ollama = ports.get(OLLAMA_PORT);
    if (ollama) see('Ollama', ollama, String(OLLAMA_PORT));
    if (TRITON_PORTS.every((p) => ports.has(p)))
      see('NVIDIA Triton Inference Server', ports.get(TRITON_PORTS[1]!)!, TRITON_PORTS.join(','));
  }
  return [...found.values()];
}
