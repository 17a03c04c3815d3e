import { describe, expect, it } from 'vitest';
import { notebookAsset, run, wellConfiguredNotebook } from '../../../testing';
import { sagemakerNotebookSecretsInLifecycleConfig as check } from './sagemaker-notebook-secrets-in-lifecycle-config.check';
import {
  LIFECYCLE_CONFIG_ARN,
  cleanLifecycleConfig,
  leakyLifecycleConfig,
  lifecycleConfigAsset,
  without,
} from './testing';

const notebook = notebookAsset({
  ...wellConfiguredNotebook,
  NotebookInstanceLifecycleConfigName: 'install-conda-envs',
});
const edge = [{ fromNativeId: notebook.nativeId, kind: 'uses_config', toNativeId: LIFECYCLE_CONFIG_ARN }];

describe(check.id, () => {
  it('passes when the notebook names no lifecycle configuration', () => {
    expect(run(check, notebookAsset(wellConfiguredNotebook))).toEqual({
      status: 'pass',
      evidence: { NotebookInstanceLifecycleConfigName: null },
    });
  });

  it('passes when the scripts of its configuration hold no secret', () => {
    const r = run(check, notebook, { assets: [lifecycleConfigAsset(cleanLifecycleConfig)], relations: edge });
    expect(r).toEqual({
      status: 'pass',
      evidence: {
        NotebookInstanceLifecycleConfigName: 'install-conda-envs',
        lifecycleConfig: LIFECYCLE_CONFIG_ARN,
        hooks: ['OnStart'],
        detectedSecrets: [],
      },
    });
  });

  it('fails with where the connector found secrets, never their values', () => {
    const r = run(check, notebook, { assets: [lifecycleConfigAsset(leakyLifecycleConfig)], relations: edge });
    expect(r).toEqual({
      status: 'fail',
      evidence: {
        NotebookInstanceLifecycleConfigName: 'install-conda-envs',
        lifecycleConfig: LIFECYCLE_CONFIG_ARN,
        hooks: ['OnStart'],
        detectedSecrets: [
          { hook: 'OnStart', kind: 'aws-access-key-id', line: 2 },
          { hook: 'OnStart', kind: 'aws-secret-access-key', line: 3 },
        ],
      },
    });
  });

  it('is unknown when the configuration is not in the inventory', () => {
    expect(run(check, notebook, { relations: edge })).toEqual({
      status: 'unknown',
      missing: [`aws.sagemaker.notebook_lifecycle_config ${LIFECYCLE_CONFIG_ARN}`],
    });
  });

  it('is unknown when the named configuration could not be resolved', () => {
    expect(run(check, notebook)).toEqual({
      status: 'unknown',
      missing: ['aws.sagemaker.notebook_lifecycle_config install-conda-envs'],
    });
  });

  it('is unknown when the configuration record has no secret scan', () => {
    const config = lifecycleConfigAsset(without(cleanLifecycleConfig, 'detectedSecrets'));
    expect(run(check, notebook, { assets: [config], relations: edge })).toEqual({
      status: 'unknown',
      missing: [`${LIFECYCLE_CONFIG_ARN} detectedSecrets`],
    });
  });

  it('is unknown when the notebook was never described', () => {
    expect(run(check, notebookAsset({})).status).toBe('unknown');
  });
});
