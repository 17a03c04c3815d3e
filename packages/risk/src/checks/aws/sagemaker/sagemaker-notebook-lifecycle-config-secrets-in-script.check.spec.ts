import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerNotebookLifecycleConfigSecretsInScript as check } from './sagemaker-notebook-lifecycle-config-secrets-in-script.check';
import {
  LIFECYCLE_CONFIG_ARN,
  cleanLifecycleConfig,
  leakyLifecycleConfig,
  lifecycleConfigAsset,
  without,
} from './testing';

describe(check.id, () => {
  it('passes for scripts without secrets', () => {
    expect(run(check, lifecycleConfigAsset(cleanLifecycleConfig)).status).toBe('pass');
  });

  it('fails for a config whose OnStart holds a key pair, even if no notebook uses it', () => {
    const r = run(check, lifecycleConfigAsset(leakyLifecycleConfig));
    expect(r.status).toBe('fail');
    expect(r.status === 'fail' && r.evidence.detectedSecrets).toEqual([
      { hook: 'OnStart', kind: 'aws-access-key-id', line: 2 },
      { hook: 'OnStart', kind: 'aws-secret-access-key', line: 3 },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/AKIA/);
  });

  it('is unknown without the connector secret scan or the describe answer', () => {
    expect(run(check, lifecycleConfigAsset(without(cleanLifecycleConfig, 'detectedSecrets')))).toEqual({
      status: 'unknown',
      missing: [`${LIFECYCLE_CONFIG_ARN} detectedSecrets`],
    });
    expect(run(check, lifecycleConfigAsset({ detectedSecrets: [] }))).toEqual({
      status: 'unknown',
      missing: ['NotebookInstanceLifecycleConfigArn'],
    });
  });
});
