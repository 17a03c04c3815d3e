import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlOnlineEndpointKeyAuth as check } from './ml-online-endpoint-key-auth.check';
import { armAsset, onlineEndpoint, withProps } from './testing';

describe(check.id, () => {
  it('passes Entra token and AML token authentication', () => {
    expect(run(check, armAsset(onlineEndpoint))).toEqual({
      status: 'pass',
      evidence: { 'properties.authMode': 'AADToken' },
    });
    expect(run(check, armAsset(withProps(onlineEndpoint, { authMode: 'AMLToken' }))).status).toBe('pass');
  });

  it('fails key authentication', () => {
    expect(run(check, armAsset(withProps(onlineEndpoint, { authMode: 'Key' })))).toEqual({
      status: 'fail',
      evidence: { 'properties.authMode': 'Key' },
    });
  });

  it('is unknown when ARM did not return authMode', () => {
    expect(run(check, armAsset(withProps(onlineEndpoint, { authMode: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.authMode'],
    });
  });
});
