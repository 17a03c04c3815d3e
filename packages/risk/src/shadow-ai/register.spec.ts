import { describe, expect, it } from 'vitest';
import { accountScopeOf } from './account-scope';
import { modelAliases } from './model-refs';
import { compileRegister, globToRegExp } from './register';

describe('globToRegExp', () => {
  it('matches whole names with * and ?, case-insensitively, everything else literally', () => {
    expect(globToRegExp('gpt-4o*').test('gpt-4o-mini')).toBe(true);
    expect(globToRegExp('gpt-4o*').test('xgpt-4o')).toBe(false);
    expect(
      globToRegExp('Anthropic.Claude-3-?-sonnet*').test('anthropic.claude-3-5-sonnet-20240620-v1:0'),
    ).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('eu-*').test('eu-west-1')).toBe(true);
    expect(globToRegExp('eu-*').test('us-east-1')).toBe(false);
  });
});

describe('compileRegister', () => {
  it('indexes entries per provider and splits region service scopes', () => {
    const reg = compileRegister([
      { kind: 'service', provider: 'aws', value: 'aws.bedrock' },
      { kind: 'region', provider: 'aws', value: 'aws.bedrock:eu-west-1' },
      { kind: 'region', provider: 'aws', value: 'us-east-1' },
      { kind: 'account', provider: 'gcp', value: 'research-prod' },
    ]);
    expect([...reg.services('aws')]).toEqual(['aws.bedrock']);
    expect(reg.services('azure').size).toBe(0);
    expect(reg.regions('aws').map((r) => [r.service, r.region])).toEqual([
      ['aws.bedrock', 'eu-west-1'],
      [undefined, 'us-east-1'],
    ]);
    expect([...reg.accounts('gcp')]).toEqual(['research-prod']);
  });
});

describe('modelAliases', () => {
  it('adds the id inside ARNs and resource names, and drops an inference-profile geography', () => {
    expect(modelAliases('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1')).toEqual([
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1',
      'anthropic.claude-v2:1',
    ]);
    expect(modelAliases('eu.anthropic.claude-3-haiku-20240307-v1:0')).toContain(
      'anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(modelAliases('azureml://registries/azureml-meta/models/Llama-2-7b-chat/versions/24')).toEqual(
      expect.arrayContaining(['llama-2-7b-chat', 'llama-2-7b-chat:24']),
    );
    expect(modelAliases('publishers/google/models/gemini-1.5-pro-002')).toContain('gemini-1.5-pro-002');
  });
});

describe('accountScopeOf', () => {
  it('reads the account from an ARN, a subscription from an ARM id, a project from a resource name', () => {
    expect(accountScopeOf('aws', 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/e')).toEqual([
      '123456789012',
    ]);
    expect(
      accountScopeOf(
        'azure',
        '/subscriptions/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/resourceGroups/rg/providers/x/y/z',
      ),
    ).toEqual(['0b1f6471-1bf0-4dda-aec3-cb9272f09590']);
    expect(accountScopeOf('gcp', 'projects/research-prod/locations/us-central1/endpoints/1')).toEqual([
      'research-prod',
    ]);
  });

  it('adds a single-scope connection id when the native id names no account or only a project number', () => {
    expect(accountScopeOf('aws', 'arn:aws:s3:::bucket', ['123456789012'])).toEqual(['123456789012']);
    expect(
      accountScopeOf('gcp', 'projects/123456/services/aiplatform.googleapis.com', ['research-prod']),
    ).toEqual(['123456', 'research-prod']);
    expect(accountScopeOf('gcp', 'projects/123456/services/x', ['a', 'b'])).toEqual(['123456']);
    expect(
      accountScopeOf('aws', 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/e', ['999999999999']),
    ).toEqual(['123456789012']);
    expect(accountScopeOf('aws', 'arn:aws:s3:::bucket')).toEqual([]);
  });
});
