import { describe, expect, it } from 'vitest';
import { notebookAsset, run, wellConfiguredNotebook } from '../../../testing';
import { sagemakerNotebookImdsv1Allowed as check } from './sagemaker-notebook-imdsv1-allowed.check';
import { without } from './testing';

const FIELD = 'InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion';

describe(check.id, () => {
  it('passes when IMDSv2 is required', () => {
    expect(run(check, notebookAsset(wellConfiguredNotebook))).toEqual({
      status: 'pass',
      evidence: { [FIELD]: '2' },
    });
  });

  it('fails when version 1 is the minimum', () => {
    const nb = {
      ...wellConfiguredNotebook,
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '1' },
    };
    expect(run(check, notebookAsset(nb))).toEqual({ status: 'fail', evidence: { [FIELD]: '1' } });
  });

  it('is unknown when the configuration was not returned, whatever AWS defaults it to', () => {
    const nb = without(wellConfiguredNotebook, 'InstanceMetadataServiceConfiguration');
    expect(run(check, notebookAsset(nb))).toEqual({ status: 'unknown', missing: [FIELD] });
    const empty = { ...wellConfiguredNotebook, InstanceMetadataServiceConfiguration: {} };
    expect(run(check, notebookAsset(empty)).status).toBe('unknown');
  });
});
