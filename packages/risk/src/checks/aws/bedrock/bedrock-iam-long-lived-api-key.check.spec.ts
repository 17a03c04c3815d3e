import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { bedrockApiKey, userAsset } from './testing';
import { bedrockIamLongLivedApiKey as check } from './bedrock-iam-long-lived-api-key.check';

const codecommit = {
  UserName: 'ci-bedrock',
  Status: 'Active',
  ServiceName: 'codecommit.amazonaws.com',
  ServiceUserName: 'ci-bedrock-at-123456789012',
  ServiceSpecificCredentialId: 'ACCAEXAMPLECODECOMMIT',
  CreateDate: '2023-01-01T00:00:00.000Z',
};

describe(check.id, () => {
  it('passes for a Bedrock key that expires after 30 days', () => {
    expect(run(check, userAsset('ci-bedrock', [bedrockApiKey(), codecommit]))).toEqual({
      status: 'pass',
      evidence: {
        bedrockApiKeys: [
          {
            ServiceSpecificCredentialId: 'ACCAEXAMPLEBEDROCK01',
            ServiceCredentialAlias: 'ci-bedrock-at-123456789012',
            Status: 'Active',
            CreateDate: '2025-06-01T00:00:00.000Z',
            ExpirationDate: '2025-07-01T00:00:00.000Z',
          },
        ],
      },
    });
  });

  it('passes at exactly 90 days, and ignores inactive or expired keys', () => {
    const ninety = bedrockApiKey({ ExpirationDate: '2025-08-30T00:00:00.000Z' });
    const { ExpirationDate: _never, ...inactive } = bedrockApiKey({ Status: 'Inactive' });
    const expired = bedrockApiKey({ Status: 'Expired', ExpirationDate: '2026-06-01T00:00:00.000Z' });
    expect(run(check, userAsset('u', [ninety, inactive, expired])).status).toBe('pass');
  });

  it('fails for an active key without an ExpirationDate', () => {
    const { ExpirationDate: _e, ...forever } = bedrockApiKey();
    expect(run(check, userAsset('u', [forever]))).toEqual({
      status: 'fail',
      evidence: {
        longLivedKeys: [
          {
            ServiceSpecificCredentialId: 'ACCAEXAMPLEBEDROCK01',
            ServiceCredentialAlias: 'ci-bedrock-at-123456789012',
            Status: 'Active',
            CreateDate: '2025-06-01T00:00:00.000Z',
            ExpirationDate: null,
          },
        ],
      },
    });
  });

  it('fails for an active key that lives a year', () => {
    const year = bedrockApiKey({ ExpirationDate: '2026-06-01T00:00:00.000Z' });
    expect(run(check, userAsset('u', [year]))).toMatchObject({
      status: 'fail',
      evidence: { longLivedKeys: [{ lifetimeDays: 365 }] },
    });
  });

  it('is unknown without the credential listing, or with an unreadable creation date', () => {
    expect(run(check, userAsset('u', undefined))).toEqual({
      status: 'unknown',
      missing: ['ServiceSpecificCredentials'],
    });
    const noDate = bedrockApiKey({ CreateDate: null });
    expect(run(check, userAsset('u', [noDate]))).toEqual({
      status: 'unknown',
      missing: ['ACCAEXAMPLEBEDROCK01: CreateDate'],
    });
  });

  it('does not apply to a user without Bedrock API keys', () => {
    expect(run(check, userAsset('u', [codecommit])).status).toBe('not_applicable');
    expect(run(check, userAsset('u', [])).status).toBe('not_applicable');
  });
});
