import { describe, expect, it } from 'vitest';
import { notebookAsset, run, wellConfiguredNotebook } from '../../../testing';
import { sagemakerNotebookNoCmk as check } from './sagemaker-notebook-no-cmk.check';

describe(check.id, () => {
  it('passes when a customer-managed key encrypts the volume', () => {
    expect(run(check, notebookAsset(wellConfiguredNotebook))).toEqual({
      status: 'pass',
      evidence: { KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1111-2222' },
    });
  });

  it('fails when the describe answer has no KmsKeyId', () => {
    const { KmsKeyId: _omitted, ...rest } = wellConfiguredNotebook;
    expect(run(check, notebookAsset(rest))).toEqual({ status: 'fail', evidence: { KmsKeyId: null } });
  });

  it('fails on an empty key id', () => {
    expect(run(check, notebookAsset({ ...wellConfiguredNotebook, KmsKeyId: '' })).status).toBe('fail');
  });

  it('is unknown when the notebook was never described', () => {
    expect(run(check, notebookAsset({ NotebookInstanceName: 'test' }))).toEqual({
      status: 'unknown',
      missing: ['NotebookInstanceArn'],
    });
  });
});
