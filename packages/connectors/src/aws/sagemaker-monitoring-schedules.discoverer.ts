import {
  DescribeEndpointCommand,
  DescribeMonitoringScheduleCommand,
  paginateListMonitoringSchedules,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { ENDPOINT_ASSET_TYPE } from './sagemaker-endpoints.discoverer';
import { sageMakerResourceDiscoverer, listedVersion } from './sagemaker-resource.discoverer';

export const MONITORING_SCHEDULE_ASSET_TYPE = 'aws.sagemaker.monitoring_schedule';

/**
 * Model Monitor schedules of one region (EndpointName, MonitoringType as returned). Relation: `monitors` the
 * endpoint, whose ARN comes from DescribeEndpoint (once per endpoint and run); a schedule whose endpoint was
 * deleted gets no edge. Needs sagemaker:DescribeEndpoint too.
 */
export const sagemakerMonitoringSchedulesDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.monitoring_schedules',
  assetType: MONITORING_SCHEDULE_ASSET_TYPE,
  listOperation: 'ListMonitoringSchedules',
  describeOperation: 'DescribeMonitoringSchedule',
  list: (client, pageSize, sendOptions) =>
    paginateListMonitoringSchedules({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.MonitoringScheduleSummaries,
  nameOf: (summary) => summary.MonitoringScheduleName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.MonitoringScheduleArn, s.LastModifiedTime, s.MonitoringScheduleStatus),
  arnOf: (described, summary) => described.MonitoringScheduleArn ?? summary.MonitoringScheduleArn,
  displayName: (described) => described.MonitoringScheduleName,
  relations: async (described, lookups, client, sendOptions) => {
    const name = described.EndpointName;
    if (!name) return [];
    const endpoint = await lookups.lookup('DescribeEndpoint', name, () =>
      client.send(new DescribeEndpointCommand({ EndpointName: name }), sendOptions),
    );
    return endpoint?.EndpointArn
      ? [{ kind: 'monitors', toAssetType: ENDPOINT_ASSET_TYPE, toNativeId: endpoint.EndpointArn }]
      : [];
  },
});
