import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerEndpointNoMonitoringSchedule as check } from './sagemaker-endpoint-no-monitoring-schedule.check';
import {
  ENDPOINT_ARN,
  MONITORING_SCHEDULE_ARN,
  endpointAsset,
  monitoringScheduleAsset,
  wellConfiguredEndpoint,
  without,
} from './testing';

const endpoint = endpointAsset(wellConfiguredEndpoint);

describe(check.id, () => {
  it('passes when a schedule monitors the endpoint', () => {
    const r = run(check, endpoint, {
      assets: [monitoringScheduleAsset()],
      relations: [{ fromNativeId: MONITORING_SCHEDULE_ARN, kind: 'monitors', toNativeId: ENDPOINT_ARN }],
    });
    expect(r).toEqual({
      status: 'pass',
      evidence: { EndpointStatus: 'InService', monitoringSchedules: [MONITORING_SCHEDULE_ARN] },
    });
  });

  it('passes on a schedule of the region that names the endpoint without an edge', () => {
    expect(run(check, endpoint, { assets: [monitoringScheduleAsset()] }).status).toBe('pass');
  });

  it('fails when no schedule watches it', () => {
    const r = run(check, endpoint, { assets: [monitoringScheduleAsset('another-endpoint')] });
    expect(r).toEqual({ status: 'fail', evidence: { EndpointStatus: 'InService', monitoringSchedules: [] } });
  });

  it('does not apply to a failed endpoint', () => {
    const failed = endpointAsset({ ...wellConfiguredEndpoint, EndpointStatus: 'Failed' });
    expect(run(check, failed).status).toBe('not_applicable');
  });

  it('is unknown without the endpoint status', () => {
    expect(run(check, endpointAsset(without(wellConfiguredEndpoint, 'EndpointStatus')))).toEqual({
      status: 'unknown',
      missing: ['EndpointStatus'],
    });
  });
});
