import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlDatastoreKeyCredentials as check } from './ml-datastore-key-credentials.check';
import { armAsset, mlDatastore, withProps } from './testing';

const withCredentials = (credentials: unknown) => armAsset(withProps(mlDatastore, { credentials }));

describe(check.id, () => {
  it('passes identity-based access and a service principal', () => {
    expect(run(check, armAsset(mlDatastore))).toEqual({
      status: 'pass',
      evidence: { 'properties.credentials.credentialsType': 'None' },
    });
    expect(run(check, withCredentials({ credentialsType: 'ServicePrincipal', clientId: 'c' })).status).toBe(
      'pass',
    );
  });

  it('fails account keys and SAS tokens', () => {
    expect(run(check, withCredentials({ credentialsType: 'AccountKey' }))).toEqual({
      status: 'fail',
      evidence: { 'properties.credentials.credentialsType': 'AccountKey' },
    });
    expect(run(check, withCredentials({ credentialsType: 'Sas' })).status).toBe('fail');
  });

  it('is unknown when ARM did not return the credential type', () => {
    expect(run(check, withCredentials({}))).toEqual({
      status: 'unknown',
      missing: ['properties.credentials.credentialsType'],
    });
    expect(run(check, withCredentials(undefined))).toEqual({
      status: 'unknown',
      missing: ['properties.credentials'],
    });
  });
});
