import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerPipelineAutoApprovesModels as check } from './sagemaker-pipeline-auto-approves-models.check';
import { pipelineAsset, pipelineDefinition, wellConfiguredPipeline, without } from './testing';

const withDefinition = (PipelineDefinition: string) =>
  pipelineAsset({ ...wellConfiguredPipeline, PipelineDefinition });

describe(check.id, () => {
  it('passes when RegisterModel leaves versions pending manual approval', () => {
    expect(run(check, pipelineAsset(wellConfiguredPipeline))).toEqual({
      status: 'pass',
      evidence: { registerSteps: [{ step: 'RegisterModel', ModelApprovalStatus: 'PendingManualApproval' }] },
    });
  });

  it('fails when the approval parameter defaults to Approved', () => {
    expect(run(check, withDefinition(pipelineDefinition('Approved')))).toEqual({
      status: 'fail',
      evidence: { registerSteps: [{ step: 'RegisterModel', ModelApprovalStatus: 'Approved' }] },
    });
  });

  it('fails when the step approves literally, whatever the parameter says', () => {
    expect(run(check, withDefinition(pipelineDefinition('PendingManualApproval', 'Approved'))).status).toBe(
      'fail',
    );
  });

  it('is unknown without a definition or with one that is not JSON', () => {
    expect(run(check, pipelineAsset(without(wellConfiguredPipeline, 'PipelineDefinition')))).toEqual({
      status: 'unknown',
      missing: ['PipelineDefinition'],
    });
    expect(run(check, withDefinition('{not json')).status).toBe('unknown');
  });
});
