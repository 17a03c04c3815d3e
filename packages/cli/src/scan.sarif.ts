import { createHash } from 'node:crypto';
import type { TSeverity } from '@aispm/contracts';
import { findCheck, type CheckDefinition } from '@aispm/risk';
import type { ListedAsset, ScanFinding } from './scan.findings';

/** The OASIS SARIF 2.1.0 schema (Errata 01), as its `$schema`. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const AISPM_INFORMATION_URI = 'https://aispm.dev';

type SarifLevel = 'error' | 'warning' | 'note';

/** GitHub code scanning reads `security-severity` (a number, as a string) to rank security alerts. */
const SECURITY_SEVERITY: Record<TSeverity, number> = {
  critical: 9.5,
  high: 8.0,
  medium: 5.5,
  low: 3.0,
  info: 1.0,
};

const LEVEL: Record<TSeverity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { severity: TSeverity; tags: string[]; 'security-severity': string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: {
    logicalLocations: {
      name: string;
      fullyQualifiedName: string;
      kind: 'resource';
      properties: { assetType: string; provider: string; region: string };
    }[];
  }[];
  partialFingerprints: Record<string, string>;
  properties: { severity: TSeverity; evidence: Record<string, unknown> };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: { name: 'aispm'; informationUri: string; semanticVersion: string; rules: SarifRule[] };
      };
      invocations: {
        executionSuccessful: boolean;
        toolExecutionNotifications: { level: 'error'; message: SarifMessage }[];
      }[];
      results: SarifResult[];
    },
  ];
}

export interface SarifInput {
  assets: readonly ListedAsset[];
  findings: readonly ScanFinding[];
  /** Listings that failed: the run did not see everything (recorded as tool execution notifications). */
  failures: readonly string[];
  /** aispm's version (the CLI package's), a semantic version. */
  version: string;
}

/** `aws.sagemaker.notebook.direct_internet_access` -> `AwsSagemakerNotebookDirectInternetAccess`. */
function ruleName(checkId: string): string {
  return checkId
    .split(/[._-]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function toRule(check: CheckDefinition): SarifRule {
  const { console: inConsole, cli, terraform } = check.remediation;
  const controls = check.controls.map((c) => c.ref);
  return {
    id: check.id,
    name: ruleName(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.rationale },
    help: {
      text: `Console: ${inConsole}\n\nCLI:\n${cli}\n\nTerraform:\n${terraform}`,
      markdown:
        `**Console.** ${inConsole}\n\n**CLI**\n\n\`\`\`sh\n${cli}\n\`\`\`\n\n` +
        `**Terraform**\n\n\`\`\`hcl\n${terraform}\n\`\`\``,
    },
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: {
      severity: check.severity,
      // GitHub treats a rule as a security rule (and reads security-severity) only when tagged `security`.
      tags: ['security', ...controls],
      'security-severity': SECURITY_SEVERITY[check.severity].toFixed(1),
    },
  };
}

/** Stable across runs for the same check on the same asset, so viewers can follow one result over time. */
export function findingFingerprint(checkId: string, assetNativeId: string): string {
  return createHash('sha256').update(`${checkId}\u0000${assetNativeId}`).digest('hex');
}

/**
 * A SARIF 2.1.0 log of one run: `rules` are the checks that gave any verdict (pass, fail or unknown) on the
 * listed assets, `results` the failed findings only, each located at its asset (a logical location: cloud
 * resources have no file).
 */
export function toSarif(input: SarifInput): SarifLog {
  const assets = new Map(input.assets.map((a) => [a.nativeId, a]));
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  for (const f of input.findings) {
    if (ruleIndex.has(f.checkId)) continue;
    const check = findCheck(f.checkId);
    if (!check) throw new Error(`finding of unknown check ${f.checkId}`);
    ruleIndex.set(f.checkId, rules.length);
    rules.push(toRule(check));
  }
  const results = input.findings
    .filter((f) => f.status === 'fail')
    .map((f): SarifResult => {
      const asset = assets.get(f.assetNativeId);
      const rule = rules[ruleIndex.get(f.checkId)!]!;
      const name = asset?.name || f.assetNativeId;
      return {
        ruleId: f.checkId,
        ruleIndex: ruleIndex.get(f.checkId)!,
        level: LEVEL[f.severity],
        message: { text: `${rule.shortDescription.text}: ${name}.` },
        locations: [
          {
            logicalLocations: [
              {
                name,
                fullyQualifiedName: f.assetNativeId,
                kind: 'resource',
                properties: {
                  assetType: asset?.type ?? '',
                  provider: asset?.provider ?? '',
                  region: asset?.region ?? '',
                },
              },
            ],
          },
        ],
        partialFingerprints: { 'aispmAssetCheck/v1': findingFingerprint(f.checkId, f.assetNativeId) },
        properties: { severity: f.severity, evidence: f.evidence },
      };
    });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aispm',
            informationUri: AISPM_INFORMATION_URI,
            semanticVersion: input.version,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: input.failures.length === 0,
            toolExecutionNotifications: input.failures.map((f) => ({
              level: 'error',
              message: { text: `listing failed: ${f}` },
            })),
          },
        ],
        results,
      },
    ],
  };
}
