import { defineCheck, has, type CheckResult } from '../../../check';
import { isRecord } from './attributes';
import { guardrailVersions, promptAttackFinding } from './guardrail-versions';
import { notInInventory, related } from './neighbours';

export const bedrockAgentGuardrailPromptAttackWeak = defineCheck({
  id: 'aws.bedrock.agent.guardrail_prompt_attack_weak',
  title: 'Bedrock agent runs a guardrail version that does not block prompt attacks at HIGH',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.bedrock.agent',
  rationale:
    "An agent is protected by the one guardrail version it is pinned to, not by the guardrail's latest " +
    "draft. When that version's PROMPT_ATTACK filter is missing, below HIGH or detect-only, jailbreaks and " +
    'injected instructions (also those hidden in documents the agent retrieves) reach the model, which can ' +
    "then call the agent's action groups or disclose its knowledge bases for the attacker.",
  reads: [
    'GetAgent.agent.guardrailConfiguration.guardrailVersion',
    'GetGuardrail(guardrailVersion).contentPolicy.filters[type=PROMPT_ATTACK].inputStrength',
    'GetGuardrail(guardrailVersion).contentPolicy.filters[type=PROMPT_ATTACK].inputAction',
  ],
  remediation: {
    console:
      'Fix the guardrail (prompt attacks at High, Block) and create a new version, then Agents > this agent > ' +
      'Edit in Agent builder > Guardrail details: select that version, save, and prepare the agent.',
    cli:
      'aws bedrock create-guardrail-version --guardrail-identifier <guardrail-id>\naws bedrock-agent update-agent ' +
      '--agent-id <id> --agent-name <name> --agent-resource-role-arn <role> --foundation-model <model> ' +
      '--guardrail-configuration guardrailIdentifier=<guardrail-id>,guardrailVersion=<new-version>\n' +
      'aws bedrock-agent prepare-agent --agent-id <id>',
    terraform:
      'resource "aws_bedrockagent_agent" "this" {\n  guardrail_configuration {\n' +
      '    guardrail_identifier = aws_bedrock_guardrail.this.guardrail_id\n' +
      '    guardrail_version    = aws_bedrock_guardrail_version.hardened.version\n  }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM01', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0051', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0030', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.6', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx): CheckResult {
    const a = asset.attributes;
    if (!has(a, 'agentArn')) return { status: 'unknown', missing: ['agentArn'] };
    const config = isRecord(a.guardrailConfiguration) ? a.guardrailConfiguration : {};
    const identifier = config.guardrailIdentifier;
    if (typeof identifier !== 'string' || identifier === '') {
      return {
        status: 'not_applicable',
        reason: 'The agent has no guardrail (aws.bedrock.agent.no_guardrail).',
      };
    }
    const version = config.guardrailVersion;
    if (typeof version !== 'string') {
      return { status: 'unknown', missing: ['guardrailConfiguration.guardrailVersion'] };
    }
    // The connector draws the edge only when GetGuardrail found that version.
    const guardrail = related(ctx, 'uses_guardrail').found[0];
    if (!guardrail) {
      return {
        status: 'unknown',
        missing: [notInInventory('aws.bedrock.guardrail', `${identifier} version ${version}`)],
      };
    }
    const read = guardrailVersions(guardrail.attributes);
    if ('missing' in read)
      return { status: 'unknown', missing: read.missing.map((m) => `${guardrail.nativeId}: ${m}`) };
    const body = read.versions.find(([v]) => v === version)?.[1];
    if (!body)
      return { status: 'unknown', missing: [`${guardrail.nativeId}: GetGuardrail version ${version}`] };
    const finding = promptAttackFinding(body);
    const evidence = {
      guardrail: guardrail.nativeId,
      guardrailVersion: version,
      ...(finding.evidence as object),
    };
    return finding.weak ? { status: 'fail', evidence } : { status: 'pass', evidence };
  },
});
