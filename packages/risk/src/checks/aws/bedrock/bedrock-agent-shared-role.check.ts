import { defineCheck, has } from '../../../check';
import { notInInventory, related } from './neighbours';

export const bedrockAgentSharedRole = defineCheck({
  id: 'aws.bedrock.agent.shared_role',
  title: 'Bedrock agent shares its service role with other resources',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.agent',
  rationale:
    "An agent acts with its service role's permissions. When the same role also serves other agents, knowledge " +
    'bases or ML resources, it must hold the union of all their permissions: a prompt injection against this ' +
    "agent can then reach the other resources' models, knowledge bases and buckets, and no policy can tell " +
    'the agents apart. One role per agent keeps each one to what it needs.',
  reads: [
    'GetAgent.agent.agentResourceRoleArn',
    'GetKnowledgeBase.knowledgeBase.roleArn',
    'GetModelInvocationLoggingConfiguration.loggingConfig.cloudWatchConfig.roleArn',
    'DescribeNotebookInstance.RoleArn',
    'DescribeTrainingJob.RoleArn',
  ],
  remediation: {
    console:
      'IAM console > Roles > Create role for the Bedrock service (trust bedrock.amazonaws.com with aws:SourceArn ' +
      "set to this agent's ARN), grant only this agent's model, knowledge bases and action groups. Then Agents " +
      '> this agent > Edit in Agent builder > Agent resource role: choose the new role, save and prepare.',
    cli:
      'aws iam create-role --role-name AmazonBedrockExecutionRoleForAgents_<agent> --assume-role-policy-document ' +
      'file://trust-this-agent.json\naws iam put-role-policy --role-name AmazonBedrockExecutionRoleForAgents_<agent> ' +
      '--policy-name agent --policy-document file://agent-permissions.json\naws bedrock-agent update-agent ' +
      '--agent-id <id> --agent-name <name> --foundation-model <model> --agent-resource-role-arn <new-role-arn>',
    terraform:
      'resource "aws_iam_role" "agent" {\n  name               = "AmazonBedrockExecutionRoleForAgents_${var.agent_name}"\n' +
      '  assume_role_policy = data.aws_iam_policy_document.trust_this_agent.json\n}\n\n' +
      'resource "aws_bedrockagent_agent" "this" {\n  agent_resource_role_arn = aws_iam_role.agent.arn\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0026', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0032', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const roleArn = asset.attributes.agentResourceRoleArn;
    if (!has(asset.attributes, 'agentResourceRoleArn') || typeof roleArn !== 'string') {
      return { status: 'unknown', missing: ['agentResourceRoleArn'] };
    }
    const role = related(ctx, 'uses_role', (id) => id === roleArn).found[0];
    // Who else uses the role is read from the role's incoming edges, so the role itself must be there.
    if (!role) return { status: 'unknown', missing: [notInInventory('aws.iam.role', roleArn)] };
    const others = ctx
      .around(role)
      .incoming('uses_role')
      .filter((o) => o.nativeId !== asset.nativeId)
      .map((o) => ({ assetType: o.assetType, nativeId: o.nativeId, name: o.name }));
    const evidence = { agentResourceRoleArn: roleArn, sharedWith: others };
    return others.length > 0 ? { status: 'fail', evidence } : { status: 'pass', evidence };
  },
});
