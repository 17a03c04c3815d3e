import { describe, expect, it } from 'vitest';
import { modelServerOfImage, modelServerOfName, modelServersOf, parseImageRef } from './model-servers';

describe('parseImageRef', () => {
  it('splits registry and repository path, without tag or digest', () => {
    expect(
      parseImageRef('763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1'),
    ).toEqual({
      registry: '763104351884.dkr.ecr.us-east-1.amazonaws.com',
      components: ['huggingface-pytorch-tgi-inference'],
    });
    expect(parseImageRef('vllm/vllm-openai:v0.6.3')).toEqual({
      registry: undefined,
      components: ['vllm', 'vllm-openai'],
    });
    expect(parseImageRef('localhost:5000/team/ollama@sha256:' + 'a'.repeat(64))?.registry).toBe(
      'localhost:5000',
    );
  });

  it('refuses URLs, ARNs, absolute paths and prose', () => {
    for (const v of [
      's3://models/vllm/model.tar.gz',
      'https://ghcr.io/vllm/vllm-openai',
      'arn:aws:ecr:us-east-1:123456789012:repository/vllm',
      '/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/vllm',
      'runs vllm/vllm-openai behind nginx',
      '',
    ])
      expect(parseImageRef(v), v).toBeUndefined();
  });
});

describe('modelServerOfImage', () => {
  it.each([
    ['vllm/vllm-openai:latest', 'vLLM'],
    ['us-docker.pkg.dev/vertex-ai/vertex-vision-model-garden-dockers/pytorch-vllm-serve:20240620', 'vLLM'],
    ['ghcr.io/huggingface/text-generation-inference:2.0', 'Text Generation Inference (TGI)'],
    [
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310',
      'Text Generation Inference (TGI)',
    ],
    ['ollama/ollama:0.3.12', 'Ollama'],
    ['nvcr.io/nvidia/tritonserver:24.01-py3', 'NVIDIA Triton Inference Server'],
    [
      '785573368785.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:23.12-py3',
      'NVIDIA Triton Inference Server',
    ],
    ['ghcr.io/ggerganov/llama.cpp:server', 'llama.cpp server'],
    ['localai/localai:latest-aio-gpu-nvidia-cuda-12', 'LocalAI'],
    ['quay.io/go-skynet/local-ai:v2.20.1', 'LocalAI'],
    ['kserve/huggingfaceserver:v0.13.0', 'KServe'],
    ['seldonio/mlserver:1.6.0', 'Seldon'],
    ['anyscale/ray-llm:2.9', 'Ray Serve'],
    ['bentoml/model-server:1.2', 'BentoML'],
    ['pytorch/torchserve:0.11.0-gpu', 'TorchServe'],
    ['tensorflow/serving:2.16.1-gpu', 'TensorFlow Serving'],
    ['lmsysorg/sglang:v0.3.0-cu124', 'SGLang'],
    ['nvcr.io/nim/meta/llama3-8b-instruct:1.0.0', 'NVIDIA NIM'],
    ['ghcr.io/huggingface/text-embeddings-inference:1.5', 'Text Embeddings Inference (TEI)'],
    ['763104351884.dkr.ecr.us-west-2.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124', 'DJL Serving'],
  ])('%s runs %s', (image, server) => {
    expect(modelServerOfImage(image)).toBe(server);
  });

  it.each([
    'nginx:1.27',
    'python:3.12-slim',
    '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311',
    '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
    'mycompany/triton-billing-service:1.4', // "triton" alone names a project, not the server
    'acme/strategy:1.0',
    'meta-llama/llama-2-7b-chat-hf',
  ])('%s runs no known model server', (image) => {
    expect(modelServerOfImage(image)).toBeUndefined();
  });
});

describe('modelServerOfName', () => {
  it('finds whole words, not substrings', () => {
    expect(modelServerOfName('ollama-gpu-01')).toBe('Ollama');
    expect(modelServerOfName('vLLM inference box')).toBe('vLLM');
    expect(modelServerOfName('Deep Learning AMI GPU PyTorch 2.3 (Ubuntu 20.04) tritonserver')).toBe(
      'NVIDIA Triton Inference Server',
    );
    expect(modelServerOfName('triton-payments-db')).toBeUndefined();
    expect(modelServerOfName('ollamaesque')).toBeUndefined();
    expect(modelServerOfName('web-frontend')).toBeUndefined();
  });
});

describe('modelServersOf', () => {
  it('names the field path and value of a SageMaker model container image', () => {
    const found = modelServersOf({
      assetType: 'aws.sagemaker.model',
      name: 'llm',
      tags: {},
      attributes: {
        ModelName: 'llm',
        PrimaryContainer: {
          Image:
            '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu',
          ModelDataUrl: 's3://bucket/vllm/model.tar.gz',
          Environment: { HF_MODEL_ID: 'meta-llama/Llama-2-7b-chat-hf' },
        },
      },
    });
    expect(found).toEqual([
      {
        server: 'Text Generation Inference (TGI)',
        path: 'attributes.PrimaryContainer.Image',
        value:
          '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu',
      },
    ]);
  });

  it('reads every container of a multi-container model and a Vertex model containerSpec', () => {
    const sm = modelServersOf({
      assetType: 'aws.sagemaker.model',
      name: 'pipeline',
      tags: {},
      attributes: {
        Containers: [
          { Image: 'acme/preprocess:1' },
          { Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/vllm:0.6' },
        ],
      },
    });
    expect(sm.map((s) => [s.server, s.path])).toEqual([['vLLM', 'attributes.Containers[1].Image']]);
    const vertex = modelServersOf({
      assetType: 'gcp.vertex.model',
      name: 'projects/p/locations/us-central1/models/1',
      tags: {},
      attributes: { containerSpec: { imageUri: 'ollama/ollama:latest', ports: [{ containerPort: 11434 }] } },
    });
    expect(vertex).toEqual([
      { server: 'Ollama', path: 'attributes.containerSpec.imageUri', value: 'ollama/ollama:latest' },
    ]);
  });

  it('finds images started by a GCE startup script or container declaration, reporting only the image', () => {
    const found = modelServersOf({
      assetType: 'gcp.notebooks.instance',
      name: 'projects/p/locations/us-central1-a/instances/research',
      tags: {},
      attributes: {
        gceSetup: {
          metadata: {
            'startup-script':
              '#!/bin/bash\nexport HF_TOKEN=secret-value\ndocker run -d --gpus all -p 8000:8000 vllm/vllm-openai:v0.6.3 --model x',
          },
        },
      },
    });
    expect(found).toEqual([
      {
        server: 'vLLM',
        path: 'attributes.gceSetup.metadata.startup-script',
        value: 'vllm/vllm-openai:v0.6.3',
      },
    ]);
    expect(JSON.stringify(found)).not.toContain('secret-value');
  });

  it('reads an EC2 instance name tag, machine-image name and the Ollama port', () => {
    const byTag = modelServersOf({
      assetType: 'aws.ec2.instance',
      name: 'i-0abc',
      tags: { Name: 'ollama-gpu-01', team: 'ml' },
      attributes: { InstanceId: 'i-0abc', ImageId: 'ami-0123456789abcdef0' },
    });
    expect(byTag).toEqual([{ server: 'Ollama', path: 'tags.Name', value: 'ollama-gpu-01' }]);
    const byAmi = modelServersOf({
      assetType: 'aws.ec2.instance',
      name: 'i-0def',
      tags: {},
      attributes: { ImageName: 'vllm-ubuntu-22.04-cuda-12' },
    });
    expect(byAmi.map((s) => [s.server, s.path])).toEqual([['vLLM', 'attributes.ImageName']]);
    const byPort = modelServersOf({
      assetType: 'aws.ec2.instance',
      name: 'i-1',
      tags: {},
      attributes: { SecurityGroupRules: [{ FromPort: 11434, ToPort: 11434 }] },
    });
    expect(byPort).toEqual([
      { server: 'Ollama', path: 'attributes.SecurityGroupRules[0].FromPort', value: '11434' },
    ]);
  });

  it('stays quiet on prose, unrelated names and ports, and on types that run nothing', () => {
    expect(
      modelServersOf({
        assetType: 'aws.ec2.instance',
        name: 'triton-web',
        tags: { Name: 'billing-api', Description: 'will host vllm/vllm-openai next quarter' },
        attributes: {
          Description: 'evaluates vllm/vllm-openai and ollama/ollama',
          SecurityGroupRules: [{ FromPort: 8000 }, { FromPort: 443 }],
          Support: 11434,
        },
      }),
    ).toEqual([]);
    expect(
      modelServersOf({
        assetType: 'aws.iam.policy',
        name: 'pull-vllm',
        tags: {},
        attributes: { Image: 'vllm/vllm-openai:latest' },
      }),
    ).toEqual([]);
    // A notebook is not named after what it serves: its name alone says nothing (it is not a machine type).
    expect(
      modelServersOf({
        assetType: 'aws.sagemaker.training_job',
        name: 'vllm-bench',
        tags: {},
        attributes: {},
      }),
    ).toEqual([]);
  });

  it('needs all three Triton ports before calling an open port set Triton', () => {
    const machine = (ports: number[]) =>
      modelServersOf({
        assetType: 'aws.ec2.instance',
        name: 'i-2',
        tags: {},
        attributes: { Ports: ports },
      });
    expect(machine([8000, 8001])).toEqual([]);
    expect(machine([8000, 8001, 8002]).map((s) => s.server)).toEqual(['NVIDIA Triton Inference Server']);
  });
});
