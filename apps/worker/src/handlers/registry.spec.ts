import { describe, expect, it } from 'vitest';
import { discoverJob, evaluateScanJob, planScanJob, scheduledScanJob } from '@aispm/jobs';
import { defineHandler, type JobHandler } from './handler';
import { buildHandlerRegistry } from './registry';

const noop = async () => undefined;
const plan = defineHandler({ job: planScanJob, handle: noop });
const discover = defineHandler({ job: discoverJob, handle: noop });
const evaluate = defineHandler({ job: evaluateScanJob, handle: noop });
const scheduled = defineHandler({ job: scheduledScanJob, handle: noop });

describe('buildHandlerRegistry', () => {
  it('maps every job name to its handler', () => {
    const registry = buildHandlerRegistry([plan, discover, evaluate, scheduled]);
    expect([...registry.keys()].sort()).toEqual([
      'discovery.run',
      'scan.evaluate',
      'scan.plan',
      'scan.scheduled',
    ]);
    expect(registry.get('scan.plan')).toBe(plan);
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => buildHandlerRegistry([plan, discover, scheduled])).toThrowError(
      /job "scan.evaluate" has no handler/,
    );
  });

  it('refuses to start when a job has two handlers', () => {
    expect(() =>
      buildHandlerRegistry([plan, discover, evaluate, scheduled, { ...plan } as JobHandler]),
    ).toThrowError(/job "scan.plan" has 2 handlers/);
  });
});
