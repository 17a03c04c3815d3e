import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { DEFAULT_COMPUTE_SA, SCOPED_SA, wellConfiguredWorkbench, withField, workbenchAsset } from './testing';
import { workbenchInstanceDefaultServiceAccount as check } from './workbench-instance-default-service-account.check';

const field = 'gceSetup.serviceAccounts[].email';

describe(check.id, () => {
  it('passes when the instance runs as a user-managed service account', () => {
    expect(run(check, workbenchAsset(wellConfiguredWorkbench))).toEqual({
      status: 'pass',
      evidence: { [field]: [SCOPED_SA] },
    });
  });

  it('fails when it runs as the Compute Engine default service account', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup.serviceAccounts', [
      { email: DEFAULT_COMPUTE_SA, scopes: ['https://www.googleapis.com/auth/cloud-platform'] },
    ]);
    expect(run(check, workbenchAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { [field]: [DEFAULT_COMPUTE_SA] },
    });
  });

  it('does not mistake a look-alike user-managed account for the default one', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup.serviceAccounts', [
      { email: 'compute@ml-prod.iam.gserviceaccount.com' },
    ]);
    expect(run(check, workbenchAsset(attributes)).status).toBe('pass');
  });

  it('is unknown when the body lists no service accounts', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup.serviceAccounts', undefined);
    expect(run(check, workbenchAsset(attributes))).toEqual({
      status: 'unknown',
      missing: ['gceSetup.serviceAccounts'],
    });
  });
});
