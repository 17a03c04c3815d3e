import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAwsClients } from '../clients';
import { ec2InstancesDiscoverer } from './ec2-instances.discoverer';
import { ec2VpcEndpointsDiscoverer } from './ec2-vpc-endpoints.discoverer';
import { collect, failure, readonlyKeys, targetFor, withSimulator } from './infra.testing';

const ACCOUNT = '123456789012';

describe('ec2.vpc_endpoints and ec2.instances through the real SDK against cloud-sim', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('lists the AI service endpoints of us-east-1 with ARNs built from the ids, and their parsed policies', async () => {
    const pages = await collect(ec2VpcEndpointsDiscoverer, targetFor(sim, 'us-east-1'), { pageSize: 3 });
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    const records = pages.flat();
    const expected = sim.estate.awsInfra.vpcEndpoints['us-east-1']!;
    expect(records.map((r) => r.nativeId).sort()).toEqual(
      expected.map((e) => `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-endpoint/${e.VpcEndpointId}`).sort(),
    );
    const services = records.map((r) => r.attributes.ServiceName);
    expect(services).toEqual(
      expect.arrayContaining([
        'com.amazonaws.us-east-1.sagemaker.api',
        'com.amazonaws.us-east-1.sagemaker.runtime',
        'com.amazonaws.us-east-1.bedrock-runtime',
      ]),
    );
    const api = records.find((r) => r.attributes.ServiceName === 'com.amazonaws.us-east-1.sagemaker.api')!;
    expect(api.attributes.PolicyDocument).toEqual({
      Statement: [{ Action: '*', Effect: 'Allow', Principal: '*', Resource: '*' }],
    });
    expect(api).toMatchObject({
      name: 'sagemaker.api-endpoint',
      region: 'us-east-1',
      tags: { Name: 'sagemaker.api-endpoint' },
    });
  });

  it('finds no AI service endpoint in eu-west-1', async () => {
    const records = (await collect(ec2VpcEndpointsDiscoverer, targetFor(sim, 'eu-west-1'))).flat();
    expect(records.map((r) => r.attributes.ServiceName)).toEqual(['com.amazonaws.eu-west-1.s3']);
  });

  it('lists instances with ARNs, IMDS settings, public IPs and the AMI name that reveals a model server', async () => {
    const records = (
      await collect(ec2InstancesDiscoverer, targetFor(sim, 'us-east-1'), { pageSize: 1 })
    ).flat();
    const expected = sim.estate.awsInfra.instances['us-east-1']!;
    expect(records.map((r) => r.nativeId).sort()).toEqual(
      expected.map((i) => `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${i.InstanceId}`).sort(),
    );
    const vllm = records.find((r) => r.name === 'vllm-llama3-70b-serving')!;
    expect(vllm.attributes).toMatchObject({
      InstanceType: 'g5.12xlarge',
      PublicIpAddress: '54.210.17.33',
      MetadataOptions: { HttpTokens: 'optional' },
      IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/gpu-inference-instance-role` },
      Image: { Name: 'vllm-0.6.3-ubuntu22.04-cuda12.4-20241105' },
    });
    const tgi = records.find((r) => r.tags.app === 'text-generation-inference')!;
    expect(tgi.attributes).toMatchObject({ MetadataOptions: { HttpTokens: 'required' } });
    expect(tgi.attributes).not.toHaveProperty('PublicIpAddress');
    const triton = records.find((r) => r.name === 'triton-inference-server-poc')!;
    // Its AMI was deregistered: the image is unknown, not an error.
    expect(triton.attributes).not.toHaveProperty('Image');
    expect(triton.attributes).not.toHaveProperty('unreadable');
  });

  it('leaves out MetadataOptions and addresses of a terminated instance', async () => {
    const records = (await collect(ec2InstancesDiscoverer, targetFor(sim, 'eu-west-1'))).flat();
    const terminated = records.find((r) => r.name === 'etl-worker')!;
    expect(terminated.attributes).toMatchObject({ State: { Name: 'terminated' } });
    for (const field of ['MetadataOptions', 'PublicIpAddress', 'IamInstanceProfile']) {
      expect(terminated.attributes).not.toHaveProperty(field);
    }
    expect(records.find((r) => r.attributes.Image !== undefined)?.attributes.Image).toEqual({
      Name: 'ollama-0.3.12-gpu-20241002',
      Description: 'Ollama with NVIDIA drivers',
      OwnerId: ACCOUNT,
    });
  });

  it('fails with AccessDenied naming ec2:DescribeInstances for the key without EC2 rights', async () => {
    const { error } = await failure(ec2InstancesDiscoverer, targetFor(sim, 'us-east-1', readonlyKeys));
    expect(error).toMatchObject({ code: 'AccessDenied', operation: 'DescribeInstances' });
    expect(error.message).toMatch(/^The credentials lack ec2:DescribeInstances/);
  });

  it('fails with InvalidCredentials (EC2 AuthFailure) for an unknown key', async () => {
    const secret = 'unknown-ec2-secret-0000';
    const { error } = await failure(
      ec2VpcEndpointsDiscoverer,
      targetFor(sim, 'us-east-1', {
        kind: 'access_key',
        accessKeyId: 'SIMNOSUCHKEY000001',
        secretAccessKey: secret,
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidCredentials', operation: 'DescribeVpcEndpoints' });
    expect(error.message).not.toContain(secret);
  });
});

describe('ec2 discoverers under injected faults', () => {
  afterAll(() => closeAwsClients());

  it('reports Throttled (RequestLimitExceeded) when the SDK may not retry', async () => {
    await withSimulator({ faults: [{ service: 'ec2', kind: 'throttle', rate: 1 }] }, async (sim) => {
      const { error } = await failure(ec2VpcEndpointsDiscoverer, targetFor(sim, 'us-east-1'), {
        maxAttempts: 1,
      });
      expect(error).toMatchObject({ code: 'Throttled', retryable: true });
      expect(error.message).toContain('Request limit exceeded');
    });
  });

  it('completes through a low throttling rate with SDK retries', async () => {
    await withSimulator({ faults: [{ service: 'ec2', kind: 'throttle', rate: 0.3 }] }, async (sim) => {
      const records = (
        await collect(ec2VpcEndpointsDiscoverer, targetFor(sim, 'us-east-1'), { pageSize: 1, maxAttempts: 8 })
      ).flat();
      expect(records).toHaveLength(4);
    });
  });

  it('fails with Unavailable after page 1 when page 2 of DescribeVpcEndpoints fails', async () => {
    await withSimulator(
      { faults: [{ service: 'ec2', operation: 'DescribeVpcEndpoints', kind: 'fail-page', page: 2 }] },
      async (sim) => {
        const { error, pages } = await failure(ec2VpcEndpointsDiscoverer, targetFor(sim, 'us-east-1'), {
          pageSize: 2,
          maxAttempts: 1,
        });
        expect(pages).toEqual([2]);
        expect(error).toMatchObject({ code: 'Unavailable', operation: 'DescribeVpcEndpoints' });
      },
    );
  });
});
