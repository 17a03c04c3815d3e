import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findControl } from '@aispm/compliance';
import { isolatedContext } from './check-context';
import { checks, evaluateAsset } from './registry';
import { notebookAsset, wellConfiguredNotebook } from './testing';

const checksDir = join(import.meta.dirname, 'checks');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('check registry', () => {
  it('has unique, well-formed ids', () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(aws|azure|gcp)(\.[a-z0-9_]+){2,}$/);
  });

  it('maps every check only to controls that exist in the catalogs', () => {
    for (const c of checks) {
      expect(c.controls.length, c.id).toBeGreaterThan(0);
      for (const m of c.controls) expect(findControl(m.ref), `${c.id} -> ${m.ref}`).toBeDefined();
    }
  });

  it('registers every check file, and every check file has a test beside it', () => {
    const files = filesUnder(checksDir);
    const checkFiles = files.filter((f) => f.endsWith('.check.ts'));
    expect(checkFiles.length).toBe(checks.length);
    for (const f of checkFiles) expect(files, f).toContain(f.replace(/\.check\.ts$/, '.check.spec.ts'));
  });

  it('gives every check a rationale, the fields it reads and remediation in three forms', () => {
    for (const c of checks) {
      expect(c.rationale.length, c.id).toBeGreaterThan(40);
      expect(c.reads.length, c.id).toBeGreaterThan(0);
      expect(c.remediation.console && c.remediation.cli && c.remediation.terraform, c.id).toBeTruthy();
    }
  });

  it('evaluates a notebook with every notebook check and scores only failures', () => {
    const bad = notebookAsset({
      ...wellConfiguredNotebook,
      DirectInternetAccess: 'Enabled',
      RootAccess: 'Enabled',
      KmsKeyId: undefined,
      SubnetId: undefined,
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '1' },
      PlatformIdentifier: 'notebook-al1-v1',
    });
    const results = evaluateAsset(bad, isolatedContext(bad));
    expect(results.map((r) => [r.check.id, r.result.status])).toEqual([
      ['aws.sagemaker.notebook.direct_internet_access', 'fail'],
      ['aws.sagemaker.notebook.root_access', 'fail'],
      ['aws.sagemaker.notebook.no_cmk', 'fail'],
      ['aws.sagemaker.notebook.no_vpc', 'fail'],
      ['aws.sagemaker.notebook.imdsv1_allowed', 'fail'],
      // No lifecycle configuration named: nothing runs at start, so nothing can leak.
      ['aws.sagemaker.notebook.secrets_in_lifecycle_config', 'pass'],
      ['aws.sagemaker.notebook.deprecated_platform', 'fail'],
    ]);
    for (const r of results) {
      expect(typeof r.riskScore, r.check.id).toBe(r.result.status === 'fail' ? 'number' : 'undefined');
    }
    const good = notebookAsset(wellConfiguredNotebook);
    expect(evaluateAsset(good, isolatedContext(good)).every((r) => r.riskScore === undefined)).toBe(true);
  });

  it('ignores asset types no check covers', () => {
    const bucket = { ...notebookAsset({}), assetType: 'aws.s3.bucket' };
    expect(evaluateAsset(bucket, isolatedContext(bucket))).toEqual([]);
  });
});
