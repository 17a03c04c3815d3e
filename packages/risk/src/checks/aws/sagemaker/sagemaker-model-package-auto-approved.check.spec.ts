import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerModelPackageAutoApproved as check } from './sagemaker-model-package-auto-approved.check';
import { modelPackageAsset, pipelineIdentity, wellConfiguredModelPackage, without } from './testing';

const reasonsOf = (attributes: Record<string, unknown>) => {
  const r = run(check, modelPackageAsset(attributes));
  return r.status === 'fail' ? r.evidence.reasons : r.status;
};

describe(check.id, () => {
  it('passes for a version a reviewer approved after it was registered', () => {
    const r = run(check, modelPackageAsset(wellConfiguredModelPackage));
    expect(r.status).toBe('pass');
    expect(r.status === 'pass' && r.evidence['LastModifiedBy.IamIdentity.Arn']).toMatch(/MLModelReviewer/);
  });

  it('passes for versions that are pending or rejected', () => {
    const pending = { ...without(wellConfiguredModelPackage, 'LastModifiedBy', 'LastModifiedTime') };
    expect(
      run(check, modelPackageAsset({ ...pending, ModelApprovalStatus: 'PendingManualApproval' })),
    ).toEqual({
      status: 'pass',
      evidence: { ModelApprovalStatus: 'PendingManualApproval' },
    });
  });

  it('fails for a version registered as Approved (no update ever recorded)', () => {
    const registered = without(
      wellConfiguredModelPackage,
      'LastModifiedBy',
      'LastModifiedTime',
      'ApprovalDescription',
    );
    expect(reasonsOf(registered)).toEqual([
      'registered as Approved: no approval was recorded after it was created',
    ]);
  });

  it('fails for a version the registering pipeline role approved itself, in another session', () => {
    const self = {
      ...wellConfiguredModelPackage,
      LastModifiedBy: {
        IamIdentity: {
          Arn: 'arn:aws:sts::123456789012:assumed-role/sagemaker-training-pipeline/SageMaker-9999999999',
        },
      },
      ApprovalDescription: undefined,
    };
    expect(reasonsOf(self)).toEqual(['approved by the identity that registered it']);
    expect(pipelineIdentity.IamIdentity.Arn).not.toBe(
      (self.LastModifiedBy as { IamIdentity: { Arn: string } }).IamIdentity.Arn,
    );
  });

  it('fails for approvals that say they were automatic', () => {
    const described = {
      ...without(wellConfiguredModelPackage, 'LastModifiedBy'),
      ApprovalDescription: 'Auto-approved by the model build pipeline: evaluation metrics above threshold',
    };
    expect(reasonsOf(described)).toEqual(['the approval description says it was automatic']);
    const metadata = {
      ...wellConfiguredModelPackage,
      ApprovalDescription: 'ok',
      CustomerMetadataProperties: { 'approval-mode': 'auto', 'min-auc': '0.80' },
    };
    expect(reasonsOf(metadata)).toEqual(['CustomerMetadataProperties approval-mode=auto']);
  });

  it('is unknown when an update was recorded without who made it', () => {
    const anonymous = {
      ...without(wellConfiguredModelPackage, 'LastModifiedBy'),
      ApprovalDescription: 'LGTM',
    };
    expect(run(check, modelPackageAsset(anonymous))).toEqual({
      status: 'unknown',
      missing: ['LastModifiedBy.IamIdentity.Arn'],
    });
  });

  it('is unknown without the approval status', () => {
    expect(run(check, modelPackageAsset(without(wellConfiguredModelPackage, 'ModelApprovalStatus')))).toEqual(
      {
        status: 'unknown',
        missing: ['ModelApprovalStatus'],
      },
    );
  });
});
