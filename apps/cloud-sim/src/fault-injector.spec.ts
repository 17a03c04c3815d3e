import { describe, expect, it } from 'vitest';
import { FaultInjector, parseFaultSpec, type FaultConfig } from './fault-injector';

describe('parseFaultSpec', () => {
  it.each([
    ['sagemaker:throttle:0.3', { service: 'sagemaker', kind: 'throttle', rate: 0.3 }],
    [
      'sagemaker.DescribeNotebookInstance:internal:1',
      { service: 'sagemaker', operation: 'DescribeNotebookInstance', kind: 'internal', rate: 1 },
    ],
    ['sagemaker:latency:250', { service: 'sagemaker', kind: 'latency', ms: 250 }],
    ['sagemaker:fail-page:2', { service: 'sagemaker', kind: 'fail-page', page: 2 }],
    [
      'sagemaker.ListTrainingJobs:fail-page:3',
      { service: 'sagemaker', operation: 'ListTrainingJobs', kind: 'fail-page', page: 3 },
    ],
    [
      'sagemaker.DescribeEndpointConfig:throttle:0.5',
      { service: 'sagemaker', operation: 'DescribeEndpointConfig', kind: 'throttle', rate: 0.5 },
    ],
  ])('parses %s', (spec, rule) => {
    expect(parseFaultSpec(spec)).toEqual(rule);
  });

  it.each([
    ['sagemaker:throttle', /must look like/],
    ['sagemaker:throttle:1.5', /rate must be from 0 to 1/],
    ['sagemaker:throttle:', /rate must be from 0 to 1/],
    ['sagemaker:explode:1', /unknown kind 'explode'/],
    ['openai:throttle:0.1', /unknown service 'openai'/],
    ['sagemaker.ListNotebookInstance:throttle:0.1', /unknown sagemaker operation 'ListNotebookInstance'/],
    ['sagemaker:latency:-5', /latency/],
    ['sagemaker:fail-page:0', /page >= 1/],
    ['sagemaker.ListTags:fail-page:2', /paged listings/],
    ['sagemaker.DescribeModel:fail-page:2', /paged listings/],
  ])('rejects %s with a message saying why', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('FaultInjector', () => {
  const decisions = (config: FaultConfig, seed: number, n: number, op = 'DescribeNotebookInstance') => {
    const injector = new FaultInjector(config, seed);
    return Array.from({ length: n }, () => injector.decide('sagemaker', op, undefined).error?.type ?? 'ok');
  };

  it('throttles at roughly the asked rate, with the same decisions for the same seed', () => {
    const config: FaultConfig = [{ service: 'sagemaker', kind: 'throttle', rate: 0.3 }];
    const first = decisions(config, 42, 1000);
    expect(decisions(config, 42, 1000)).toEqual(first);
    expect(decisions(config, 43, 1000)).not.toEqual(first);
    const throttled = first.filter((d) => d === 'ThrottlingException').length;
    expect(throttled).toBeGreaterThan(240);
    expect(throttled).toBeLessThan(360);
  });

  it('never fires at rate 0 and always at rate 1', () => {
    expect(decisions([{ service: 'sagemaker', kind: 'internal', rate: 0 }], 1, 50)).not.toContain(
      'InternalFailure',
    );
    expect(new Set(decisions([{ service: 'sagemaker', kind: 'internal', rate: 1 }], 1, 50))).toEqual(
      new Set(['InternalFailure']),
    );
  });

  it('applies a rule for one operation to that operation only', () => {
    const config: FaultConfig = [{ service: 'sagemaker', operation: 'ListTags', kind: 'throttle', rate: 1 }];
    expect(decisions(config, 1, 5, 'DescribeNotebookInstance')).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(decisions(config, 1, 1, 'ListTags')).toEqual(['ThrottlingException']);
  });

  it('fails only the asked page of a listing, with a 500', () => {
    const injector = new FaultInjector([{ service: 'sagemaker', kind: 'fail-page', page: 2 }], 1);
    expect(injector.decide('sagemaker', 'ListNotebookInstances', 1).error).toBeUndefined();
    const failed = injector.decide('sagemaker', 'ListNotebookInstances', 2).error;
    expect(failed?.status).toBe(500);
    expect(failed?.type).toBe('InternalFailure');
    expect(injector.decide('sagemaker', 'DescribeNotebookInstance', undefined).error).toBeUndefined();
  });

  it('adds latencies up and lets the first error win', () => {
    const injector = new FaultInjector(
      [
        { service: 'sagemaker', kind: 'latency', ms: 20 },
        { service: 'sagemaker', kind: 'throttle', rate: 1 },
        { service: 'sagemaker', kind: 'internal', rate: 1 },
        { service: 'sagemaker', kind: 'latency', ms: 5 },
      ],
      1,
    );
    const decision = injector.decide('sagemaker', 'ListTags', undefined);
    expect(decision.latencyMs).toBe(25);
    expect(decision.error?.type).toBe('ThrottlingException');
  });

  it('refuses a rule that could never apply', () => {
    expect(
      () => new FaultInjector([{ service: 'sagemaker', operation: 'Nope', kind: 'latency', ms: 1 }], 1),
    ).toThrow(/unknown sagemaker operation/);
  });
});
