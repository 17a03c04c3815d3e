import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { geminiApiKeyAccessEnabled as check } from './gemini-api-key-access-enabled.check';
import { serviceAsset } from './testing';

const api = 'generativelanguage.googleapis.com';

describe(check.id, () => {
  it('fails when the Generative Language API is enabled', () => {
    expect(run(check, serviceAsset(api, 'ENABLED'))).toEqual({
      status: 'fail',
      evidence: { 'config.name': api, state: 'ENABLED' },
    });
  });

  it('passes when it is disabled', () => {
    expect(run(check, serviceAsset(api, 'DISABLED'))).toEqual({
      status: 'pass',
      evidence: { 'config.name': api, state: 'DISABLED' },
    });
  });

  it('is unknown when the service has no state', () => {
    expect(run(check, serviceAsset(api, undefined))).toEqual({ status: 'unknown', missing: ['state'] });
  });

  it('does not concern other APIs, Vertex AI included', () => {
    expect(run(check, serviceAsset('aiplatform.googleapis.com', 'ENABLED')).status).toBe('not_applicable');
  });
});
