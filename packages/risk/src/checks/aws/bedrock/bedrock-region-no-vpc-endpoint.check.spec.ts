import { describe, expect, it } from 'vitest';
import { run, testAsset } from '../../../testing';
import { AGENT_ARN, agentAsset, loggingAsset, vpcEndpointAsset, wellConfiguredLogging } from './testing';
import { bedrockRegionNoVpcEndpoint as check } from './bedrock-region-no-vpc-endpoint.check';

const logging = loggingAsset();
const runtime = vpcEndpointAsset('bedrock-runtime');
const s3Gateway = vpcEndpointAsset('s3', { VpcEndpointType: 'Gateway' }, 'us-east-1', 'vpce-0s3');

describe(check.id, () => {
  it('passes when an available interface endpoint for bedrock-runtime exists in the region', () => {
    expect(run(check, logging, { assets: [runtime, s3Gateway, agentAsset()] })).toEqual({
      status: 'pass',
      evidence: {
        region: 'us-east-1',
        serviceName: 'com.amazonaws.us-east-1.bedrock-runtime',
        bedrockRuntimeEndpoints: [
          { VpcEndpointId: 'vpce-0a1b2c3d4e5f60718', VpcEndpointType: 'Interface', State: 'available' },
        ],
        bedrockResources: { 'aws.bedrock.agent': 1 },
        logging: true,
      },
    });
  });

  it('fails when the only bedrock-runtime endpoint is in another region, or not yet available', () => {
    const elsewhere = vpcEndpointAsset('bedrock-runtime', {}, 'eu-west-1', 'vpce-0eu');
    expect(run(check, logging, { assets: [elsewhere, s3Gateway] })).toMatchObject({
      status: 'fail',
      evidence: { bedrockRuntimeEndpoints: [], logging: true },
    });
    const pending = vpcEndpointAsset('bedrock-runtime', { State: 'pending' });
    expect(run(check, logging, { assets: [pending] }).status).toBe('fail');
  });

  it('fails in a region where logging is off but agents exist', () => {
    const off = loggingAsset({});
    expect(run(check, off, { assets: [agentAsset()] })).toMatchObject({
      status: 'fail',
      evidence: { bedrockResources: { 'aws.bedrock.agent': 1 }, logging: false },
    });
  });

  it('is unknown when an endpoint of the region came back without its service name', () => {
    const { ServiceName: _s, ...rest } = runtime.attributes;
    const nameless = { ...runtime, attributes: rest };
    expect(run(check, logging, { assets: [nameless] })).toEqual({
      status: 'unknown',
      missing: [`${runtime.nativeId}: DescribeVpcEndpoints ServiceName/VpcEndpointType/State`],
    });
  });

  it('does not apply to a region without Bedrock resources and without logging', () => {
    const idle = loggingAsset({}, 'ap-south-1');
    const agentElsewhere = testAsset({
      provider: 'aws',
      assetType: 'aws.bedrock.agent',
      nativeId: AGENT_ARN,
    });
    expect(run(check, idle, { assets: [agentElsewhere] }).status).toBe('not_applicable');
    expect(run(check, loggingAsset(wellConfiguredLogging, 'ap-south-1')).status).toBe('fail');
  });
});
