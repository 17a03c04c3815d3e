import { defineCheck } from '../../../check';
import { requireFields } from './sagemaker-fields.util';

export const sagemakerEndpointNoMonitoringSchedule = defineCheck({
  id: 'aws.sagemaker.endpoint.no_monitoring_schedule',
  title: 'SageMaker endpoint has no Model Monitor schedule',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.sagemaker.endpoint',
  rationale:
    'No monitoring schedule watches the endpoint: drift in its inputs, degraded or biased predictions and the ' +
    'effects of poisoned or adversarial traffic are never measured, so a model that has stopped behaving as ' +
    'validated keeps serving until someone notices the damage.',
  reads: [
    'ListMonitoringSchedules',
    'DescribeMonitoringSchedule.EndpointName',
    'DescribeEndpoint.EndpointStatus',
  ],
  remediation: {
    console:
      'In SageMaker Studio open the endpoint, enable data capture if it is off, then create a data quality ' +
      '(and model quality) monitoring schedule from a baseline of the training data.',
    cli:
      'aws sagemaker create-monitoring-schedule --monitoring-schedule-name <endpoint>-data-quality ' +
      '--monitoring-schedule-config file://schedule.json  # MonitoringJobDefinitionName + ScheduleExpression',
    terraform:
      'resource "aws_sagemaker_monitoring_schedule" "this" {\n  name = "${var.endpoint_name}-data-quality"\n' +
      '  monitoring_schedule_config {\n    monitoring_job_definition_name = aws_sagemaker_data_quality_job_definition.this.name\n' +
      '    monitoring_type                = "DataQuality"\n' +
      '    schedule_config { schedule_expression = "cron(0 * ? * * *)" }\n  }\n}',
  },
  controls: [
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.4', relationship: 'subset-of' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 4.1', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.6', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM09', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0024', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0031', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.6', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const unknown = requireFields(asset, 'EndpointArn', 'EndpointStatus');
    if (unknown) return unknown;
    const status = asset.attributes.EndpointStatus;
    if (status === 'Failed' || status === 'Deleting' || status === 'OutOfService') {
      return {
        status: 'not_applicable',
        reason: `The endpoint serves no traffic (EndpointStatus ${String(status)}).`,
      };
    }
    // Schedules point at the endpoint (`monitors`); a schedule whose edge was not resolved still names it.
    const name = asset.attributes.EndpointName;
    const schedules = [
      ...ctx.incoming('monitors'),
      ...ctx
        .inAccount('aws.sagemaker.monitoring_schedule', asset.region)
        .filter((s) => typeof name === 'string' && s.attributes.EndpointName === name),
    ];
    const names = [...new Set(schedules.map((s) => s.nativeId))];
    return names.length > 0
      ? { status: 'pass', evidence: { EndpointStatus: status, monitoringSchedules: names } }
      : { status: 'fail', evidence: { EndpointStatus: status, monitoringSchedules: [] } };
  },
});
