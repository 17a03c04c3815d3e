import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerDomainNotebookSharingEnabled as check } from './sagemaker-domain-notebook-sharing-enabled.check';
import { domainAsset, wellConfiguredDomain } from './testing';

const FIELD = 'DefaultUserSettings.SharingSettings.NotebookOutputOption';
const settings = wellConfiguredDomain.DefaultUserSettings as Record<string, unknown>;
const sharing = (SharingSettings?: Record<string, unknown>) =>
  domainAsset({
    ...wellConfiguredDomain,
    DefaultUserSettings: { ...settings, SharingSettings },
  });

describe(check.id, () => {
  it('passes when notebook output may not be shared', () => {
    expect(run(check, domainAsset(wellConfiguredDomain))).toEqual({
      status: 'pass',
      evidence: { [FIELD]: 'Disabled' },
    });
  });

  it('fails when users may share notebooks with their output', () => {
    expect(run(check, sharing({ NotebookOutputOption: 'Allowed', S3OutputPath: 's3://b/sharing' }))).toEqual({
      status: 'fail',
      evidence: { [FIELD]: 'Allowed' },
    });
  });

  it('is unknown when the sharing settings were not returned', () => {
    expect(run(check, sharing(undefined))).toEqual({ status: 'unknown', missing: [FIELD] });
  });
});
