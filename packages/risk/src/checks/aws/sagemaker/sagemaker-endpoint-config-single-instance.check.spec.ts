import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerEndpointConfigSingleInstance as check } from './sagemaker-endpoint-config-single-instance.check';
import { endpointConfigAsset, wellConfiguredEndpointConfig, without } from './testing';

const withVariants = (...variants: Record<string, unknown>[]) =>
  endpointConfigAsset({ ...wellConfiguredEndpointConfig, ProductionVariants: variants });

describe(check.id, () => {
  it('passes when every variant has two or more instances', () => {
    expect(run(check, endpointConfigAsset(wellConfiguredEndpointConfig))).toEqual({
      status: 'pass',
      evidence: { ProductionVariants: [{ VariantName: 'AllTraffic', InitialInstanceCount: 2 }] },
    });
  });

  it('fails naming the variant that has a single instance', () => {
    const r = run(
      check,
      withVariants(
        { VariantName: 'AllTraffic', InitialInstanceCount: 3 },
        { VariantName: 'Canary', InitialInstanceCount: 1 },
      ),
    );
    expect(r).toEqual({
      status: 'fail',
      evidence: { ProductionVariants: [{ VariantName: 'Canary', InitialInstanceCount: 1 }] },
    });
  });

  it('does not apply to serverless variants', () => {
    const r = run(
      check,
      withVariants({ VariantName: 'AllTraffic', ServerlessConfig: { MaxConcurrency: 5 } }),
    );
    expect(r.status).toBe('not_applicable');
  });

  it('is unknown when the variants or a count were not returned', () => {
    expect(
      run(check, endpointConfigAsset(without(wellConfiguredEndpointConfig, 'ProductionVariants'))),
    ).toEqual({
      status: 'unknown',
      missing: ['ProductionVariants'],
    });
    expect(run(check, withVariants({ VariantName: 'AllTraffic' }))).toEqual({
      status: 'unknown',
      missing: ['ProductionVariants[AllTraffic].InitialInstanceCount'],
    });
  });
});
