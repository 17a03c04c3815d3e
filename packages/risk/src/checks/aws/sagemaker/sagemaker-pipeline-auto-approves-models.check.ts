import { defineCheck, type CheckResult } from '../../../check';
import { asRecords, requireFields } from './sagemaker-fields.util';

/** The approval status a RegisterModel step sets: a literal, or the default of the parameter it reads. */
function approvalOf(value: unknown, parameters: Record<string, unknown>): unknown {
  if (typeof value === 'object' && value !== null && 'Get' in value) {
    const ref = (value as { Get: unknown }).Get;
    const name = typeof ref === 'string' ? /^Parameters\.(.+)$/.exec(ref)?.[1] : undefined;
    return name !== undefined ? parameters[name] : undefined;
  }
  return value;
}

function verdict(definitionText: string): CheckResult {
  let definition: Record<string, unknown>;
  try {
    definition = JSON.parse(definitionText) as Record<string, unknown>;
  } catch {
    return { status: 'unknown', missing: ['PipelineDefinition (not JSON)'] };
  }
  const parameters: Record<string, unknown> = {};
  for (const p of asRecords(definition.Parameters)) {
    if (typeof p.Name === 'string') parameters[p.Name] = p.DefaultValue;
  }
  const steps = asRecords(definition.Steps).filter((s) => s.Type === 'RegisterModel');
  const registering = steps.map((s) => ({
    step: s.Name,
    ModelApprovalStatus: approvalOf(
      (s.Arguments as Record<string, unknown> | undefined)?.ModelApprovalStatus,
      parameters,
    ),
  }));
  const approving = registering.filter((r) => r.ModelApprovalStatus === 'Approved');
  if (approving.length > 0) return { status: 'fail', evidence: { registerSteps: approving } };
  return { status: 'pass', evidence: { registerSteps: registering } };
}

export const sagemakerPipelineAutoApprovesModels = defineCheck({
  id: 'aws.sagemaker.pipeline.auto_approves_models',
  title: 'SageMaker pipeline registers model versions as Approved',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.sagemaker.pipeline',
  rationale:
    'A RegisterModel step whose ModelApprovalStatus is Approved (literally, or through a parameter that ' +
    'defaults to Approved) puts every model the pipeline builds into the registry as deployable. Whoever can ' +
    'start the pipeline or change its training data ships a model to production with no review in between.',
  reads: ['DescribePipeline.PipelineDefinition'],
  remediation: {
    console:
      'Edit the pipeline so the RegisterModel step uses ModelApprovalStatus "PendingManualApproval" (and the ' +
      'ModelApprovalStatus parameter defaults to it), then upsert the pipeline. Approve versions in the model ' +
      'registry after review.',
    cli:
      'aws sagemaker update-pipeline --pipeline-name <name> --pipeline-definition file://definition.json  ' +
      '# RegisterModel: "ModelApprovalStatus": "PendingManualApproval"',
    terraform:
      'resource "aws_sagemaker_pipeline" "this" {\n  pipeline_name       = "model-build"\n' +
      '  role_arn            = aws_iam_role.pipeline.arn\n  # RegisterModel step: ModelApprovalStatus = "PendingManualApproval"\n' +
      '  pipeline_definition = file("${path.module}/definition.json")\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0008', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 14', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 1.1', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.7', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'PipelineDefinition');
    if (unknown) return unknown;
    const text = asset.attributes.PipelineDefinition;
    return typeof text === 'string' ? verdict(text) : { status: 'unknown', missing: ['PipelineDefinition'] };
  },
});
