import { describe, expect, it } from 'vitest';
import { notebookAsset, run, wellConfiguredNotebook } from '../../../testing';
import { sagemakerNotebookNoVpc as check } from './sagemaker-notebook-no-vpc.check';
import { without } from './testing';

describe(check.id, () => {
  it('passes for a notebook in a subnet of the customer VPC', () => {
    expect(run(check, notebookAsset(wellConfiguredNotebook))).toEqual({
      status: 'pass',
      evidence: { SubnetId: 'subnet-0a1b2c3d', SecurityGroups: ['sg-0a1b2c3d'] },
    });
  });

  it('fails when the describe answer has no SubnetId', () => {
    const nb = without(wellConfiguredNotebook, 'SubnetId', 'SecurityGroups');
    expect(run(check, notebookAsset(nb))).toEqual({
      status: 'fail',
      evidence: { SubnetId: null, SecurityGroups: null },
    });
  });

  it('is unknown when the notebook was never described', () => {
    expect(run(check, notebookAsset({ NotebookInstanceName: 'test' }))).toEqual({
      status: 'unknown',
      missing: ['NotebookInstanceArn'],
    });
  });
});
