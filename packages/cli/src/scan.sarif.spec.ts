import { describe, expect, it } from 'vitest';
import { findCheck } from '@aispm/risk';
import type { ListedAsset, ScanFinding } from './scan.findings';
import { findingFingerprint, SARIF_SCHEMA_URI, toSarif } from './scan.sarif';
import { sarifSchemaErrors } from './testing/sarif-schema';

const nb = (name: string) => `arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/${name}`;
const ROLE = 'arn:aws:iam::123456789012:role/admin';

const assets: ListedAsset[] = [
  ...['open', 'closed'].map((name): ListedAsset => ({
    provider: 'aws',
    type: 'aws.sagemaker.notebook_instance',
    nativeId: nb(name),
    name,
    region: 'us-east-1',
    attributes: {},
    relations: [],
  })),
  {
    provider: 'aws',
    type: 'aws.iam.role',
    nativeId: ROLE,
    name: 'admin',
    region: 'global',
    attributes: {},
    relations: [],
  },
];

const finding = (
  checkId: string,
  assetNativeId: string,
  status: ScanFinding['status'],
  evidence: Record<string, unknown> = {},
): ScanFinding => {
  const check = findCheck(checkId)!;
  return {
    checkId,
    assetNativeId,
    severity: check.severity,
    status,
    evidence,
    controls: check.controls.map((c) => c.ref),
  };
};

const DIA = 'aws.sagemaker.notebook.direct_internet_access'; // high
const ROOT = 'aws.sagemaker.notebook.root_access'; // medium
const NO_CMK = 'aws.sagemaker.notebook.no_cmk';
const ADMIN = 'aws.sagemaker.execution_role.admin_policy_attached'; // critical

const findings: ScanFinding[] = [
  finding(DIA, nb('open'), 'fail', { DirectInternetAccess: 'Enabled' }),
  finding(DIA, nb('closed'), 'pass', { DirectInternetAccess: 'Disabled' }),
  finding(ROOT, nb('open'), 'fail', { RootAccess: 'Enabled' }),
  finding(NO_CMK, nb('closed'), 'unknown', { missing: ['KmsKeyId'] }),
  finding(ADMIN, ROLE, 'fail', { adminPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }),
];

describe('toSarif', () => {
  it('writes a log the OASIS SARIF 2.1.0 schema accepts, complete or not', () => {
    for (const failures of [[], ['sagemaker.training_jobs in us-east-1: Unavailable: boom']]) {
      const log = toSarif({ assets, findings, failures, version: '0.0.0' });
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(log.runs[0].invocations[0]!.executionSuccessful).toBe(failures.length === 0);
    }
    expect(sarifSchemaErrors(toSarif({ assets: [], findings: [], failures: [], version: '1.2.3' }))).toEqual(
      [],
    );
  });

  it('describes the tool, and every check that gave a verdict as a rule with its remediation', () => {
    const log = toSarif({ assets, findings, failures: [], version: '1.2.3' });
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({ name: 'aispm', semanticVersion: '1.2.3' });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    // The unknown verdict's check is a rule too, though it has no result.
    expect(driver.rules.map((r) => r.id)).toEqual([DIA, ROOT, NO_CMK, ADMIN]);
    const dia = findCheck(DIA)!;
    const rule = driver.rules[0]!;
    expect(rule).toMatchObject({
      id: DIA,
      name: 'AwsSagemakerNotebookDirectInternetAccess',
      shortDescription: { text: dia.title },
      fullDescription: { text: dia.rationale },
      defaultConfiguration: { level: 'error' },
      properties: {
        severity: 'high',
        tags: ['security', ...dia.controls.map((c) => c.ref)],
        'security-severity': '8.0',
      },
    });
    expect(rule.properties.tags).toContain('owasp-llm@2025:LLM03');
    for (const text of [rule.help.text, rule.help.markdown!]) {
      expect(text).toContain(dia.remediation.console);
      expect(text).toContain(dia.remediation.cli);
      expect(text).toContain(dia.remediation.terraform);
    }
    expect(rule.help.markdown).toContain('```hcl\n');
    const bySeverity = Object.fromEntries(
      driver.rules.map((r) => [r.properties.severity, r.properties['security-severity']]),
    );
    expect(bySeverity).toEqual({ critical: '9.5', high: '8.0', medium: '5.5' });
  });

  it('reports failed findings only, at their asset, with levels by severity and stable fingerprints', () => {
    const log = toSarif({ assets, findings, failures: [], version: '0.0.0' });
    const { results, tool } = log.runs[0];
    expect(
      results.map((r) => [r.ruleId, r.locations[0]!.logicalLocations[0]!.fullyQualifiedName, r.level]),
    ).toEqual([
      [DIA, nb('open'), 'error'],
      [ROOT, nb('open'), 'warning'],
      [ADMIN, ROLE, 'error'],
    ]);
    for (const r of results) expect(tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(results[0]).toMatchObject({
      message: { text: `${findCheck(DIA)!.title}: open.` },
      locations: [
        {
          logicalLocations: [
            {
              name: 'open',
              fullyQualifiedName: nb('open'),
              kind: 'resource',
              properties: {
                assetType: 'aws.sagemaker.notebook_instance',
                provider: 'aws',
                region: 'us-east-1',
              },
            },
          ],
        },
      ],
      properties: { severity: 'high', evidence: { DirectInternetAccess: 'Enabled' } },
    });
    const prints = results.map((r) => r.partialFingerprints['aispmAssetCheck/v1']);
    expect(new Set(prints).size).toBe(3);
    // The same check on the same asset keeps its fingerprint from run to run, whatever else changed.
    const again = toSarif({ assets, findings: findings.slice(0, 1), failures: ['x'], version: '9.9.9' });
    expect(again.runs[0].results[0]!.partialFingerprints['aispmAssetCheck/v1']).toBe(prints[0]);
    expect(prints[0]).toBe(findingFingerprint(DIA, nb('open')));
    expect(findingFingerprint(DIA, nb('closed'))).not.toBe(prints[0]);
  });

  it('levels low and info findings as notes', () => {
    const info: ScanFinding = { ...findings[0]!, severity: 'info' };
    const lowFinding: ScanFinding = { ...findings[2]!, severity: 'low' };
    const log = toSarif({ assets, findings: [info, lowFinding], failures: [], version: '0.0.0' });
    expect(log.runs[0].results.map((r) => r.level)).toEqual(['note', 'note']);
  });

  it('records failed listings as error notifications: the run did not see everything', () => {
    const log = toSarif({
      assets,
      findings,
      failures: ['iam.roles in global: AccessDenied: no'],
      version: '0',
    });
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: 'listing failed: iam.roles in global: AccessDenied: no' } },
        ],
      },
    ]);
  });
});
