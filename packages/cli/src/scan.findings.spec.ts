import { describe, expect, it } from 'vitest';
import { checksFor } from '@aispm/risk';
import { evaluateInventory, type ListedAsset } from './scan.findings';

const ACCOUNT = '123456789012';
const notebookArn = (name: string) => `arn:aws:sagemaker:us-east-1:${ACCOUNT}:notebook-instance/${name}`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/sagemaker-admin`;

function notebook(name: string, attributes: Record<string, unknown>, roleArn?: string): ListedAsset {
  return {
    provider: 'aws',
    type: 'aws.sagemaker.notebook_instance',
    nativeId: notebookArn(name),
    name,
    region: 'us-east-1',
    attributes: { NotebookInstanceName: name, NotebookInstanceArn: notebookArn(name), ...attributes },
    relations: roleArn ? [{ kind: 'uses_role', nativeId: roleArn }] : [],
  };
}

const adminRole: ListedAsset = {
  provider: 'aws',
  type: 'aws.iam.role',
  nativeId: ROLE_ARN,
  name: 'sagemaker-admin',
  region: 'global',
  attributes: {
    RoleName: 'sagemaker-admin',
    Arn: ROLE_ARN,
    AttachedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  },
  relations: [],
};

const DIA = 'aws.sagemaker.notebook.direct_internet_access';
const ADMIN = 'aws.sagemaker.execution_role.admin_policy_attached';

describe('evaluateInventory', () => {
  it('gives one finding per asset and applicable check, with the check severity, evidence and control refs', () => {
    const assets = [
      notebook('open', { DirectInternetAccess: 'Enabled' }),
      notebook('closed', { DirectInternetAccess: 'Disabled', SubnetId: 'subnet-1' }),
    ];
    const findings = evaluateInventory(assets, 'aws');
    const dia = findings.filter((f) => f.checkId === DIA);
    expect(dia).toEqual([
      {
        checkId: DIA,
        assetNativeId: notebookArn('open'),
        severity: 'high',
        status: 'fail',
        evidence: { DirectInternetAccess: 'Enabled', SubnetId: null },
        controls: expect.arrayContaining(['owasp-llm@2025:LLM03']),
      },
      {
        checkId: DIA,
        assetNativeId: notebookArn('closed'),
        severity: 'high',
        status: 'pass',
        evidence: { DirectInternetAccess: 'Disabled', SubnetId: 'subnet-1' },
        controls: expect.arrayContaining(['owasp-llm@2025:LLM03']),
      },
    ]);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual([
        'checkId',
        'assetNativeId',
        'severity',
        'status',
        'evidence',
        'controls',
      ]);
      for (const ref of f.controls) expect(ref).toMatch(/^[a-z0-9-]+@[^:]+:.+$/);
    }
    // Every notebook check has a verdict on each notebook, and nothing is repeated.
    const notebookChecks = checksFor('aws.sagemaker.notebook_instance').length;
    expect(new Set(findings.map((f) => `${f.checkId} ${f.assetNativeId}`)).size).toBe(findings.length);
    expect(findings.length).toBeLessThanOrEqual(2 * notebookChecks);
  });

  it('names the fields the cloud did not return when a verdict is unknown', () => {
    const [finding] = evaluateInventory([notebook('silent', {})], 'aws').filter((f) => f.checkId === DIA);
    expect(finding).toMatchObject({ status: 'unknown', evidence: { missing: ['DirectInternetAccess'] } });
  });

  it('reads neighbours through relations by native id, and leaves not-applicable verdicts out', () => {
    // A role no SageMaker resource uses: the SageMaker execution-role checks do not apply to it, so no finding.
    const executionRoleChecks = (fs: ReturnType<typeof evaluateInventory>) =>
      fs.filter((f) => f.checkId.startsWith('aws.sagemaker.execution_role.'));
    expect(executionRoleChecks(evaluateInventory([adminRole], 'aws'))).toEqual([]);

    const user = notebook('runs-as-admin', { DirectInternetAccess: 'Disabled' }, ROLE_ARN);
    const findings = evaluateInventory([user, adminRole], 'aws');
    expect(executionRoleChecks(findings).length).toBeGreaterThan(0);
    const admin = findings.find((f) => f.checkId === ADMIN && f.assetNativeId === ROLE_ARN);
    expect(admin).toMatchObject({
      severity: 'critical',
      status: 'fail',
      evidence: {
        adminPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        usedBy: [notebookArn('runs-as-admin')],
      },
    });
    expect(findings.map((f) => f.status)).not.toContain('not_applicable');
  });

  it('has no findings for assets no check is about', () => {
    const bucket: ListedAsset = {
      provider: 'aws',
      type: 'aws.example.unchecked',
      nativeId: 'arn:aws:example:::thing',
      name: 'thing',
      region: 'global',
      attributes: {},
      relations: [],
    };
    expect(evaluateInventory([bucket], 'aws')).toEqual([]);
    expect(evaluateInventory([], 'aws')).toEqual([]);
  });
});
