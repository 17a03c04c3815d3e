import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerEndpointConfigNoCmk as check } from './sagemaker-endpoint-config-no-cmk.check';
import { KEY_ARN, endpointConfigAsset, wellConfiguredEndpointConfig, without } from './testing';

const onType = (InstanceType: string) => ({
  ...without(wellConfiguredEndpointConfig, 'KmsKeyId'),
  ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: 2, InstanceType }],
});

describe(check.id, () => {
  it('passes when a customer-managed key encrypts the storage', () => {
    expect(run(check, endpointConfigAsset(wellConfiguredEndpointConfig))).toEqual({
      status: 'pass',
      evidence: { KmsKeyId: KEY_ARN },
    });
  });

  it('fails when the describe answer has no KmsKeyId', () => {
    expect(run(check, endpointConfigAsset(without(wellConfiguredEndpointConfig, 'KmsKeyId')))).toEqual({
      status: 'fail',
      evidence: { KmsKeyId: null },
    });
  });

  it('does not apply when every variant runs on local NVMe storage, which takes no key', () => {
    expect(run(check, endpointConfigAsset(onType('ml.g5.xlarge'))).status).toBe('not_applicable');
    expect(run(check, endpointConfigAsset(onType('ml.m5d.large'))).status).toBe('not_applicable');
    expect(run(check, endpointConfigAsset(onType('ml.inf2.xlarge'))).status).toBe('fail');
  });

  it('is unknown when the config was never described', () => {
    expect(run(check, endpointConfigAsset({ EndpointConfigName: 'x' }))).toEqual({
      status: 'unknown',
      missing: ['EndpointConfigArn', 'ProductionVariants'],
    });
  });
});
