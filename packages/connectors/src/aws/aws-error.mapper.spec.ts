import { SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { ConnectorError, type AwsTarget } from '../types';
import { maskAccessKeyId, toConnectorError, type AwsCallContext } from './aws-error.mapper';

const SECRET = 'top-secret-value-that-must-not-leak';
const target: AwsTarget = {
  provider: 'aws',
  accountId: '123456789012',
  region: 'eu-west-1',
  endpoint: 'http://127.0.0.1:4510',
  credentials: { kind: 'access_key', accessKeyId: 'SIMEXAMPLEKEY00042', secretAccessKey: SECRET },
};
const ctx: AwsCallContext = {
  service: 'sagemaker.notebooks',
  iamPrefix: 'sagemaker',
  operation: 'ListNotebookInstances',
  target,
};

/** The exception the SDK builds from a `{"__type": name, "message": ...}` answer. */
function sdkError(name: string, message: string, status = 400): SageMakerServiceException {
  return new SageMakerServiceException({
    name,
    message,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

describe('toConnectorError', () => {
  it('maps throttling to a retryable Throttled error', () => {
    const err = toConnectorError(sdkError('ThrottlingException', 'Rate exceeded'), ctx);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: 'Throttled', retryable: true, service: 'sagemaker.notebooks' });
    expect(err.message).toContain('ListNotebookInstances in eu-west-1');
  });

  it('maps an IAM denial to AccessDenied naming the action AWS named', () => {
    const aws =
      'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: sagemaker:DescribeNotebookInstance ' +
      'on resource: arn:aws:sagemaker:eu-west-1:123456789012:notebook-instance/x';
    const err = toConnectorError(sdkError('AccessDeniedException', aws), {
      ...ctx,
      operation: 'DescribeNotebookInstance',
    });
    expect(err).toMatchObject({
      code: 'AccessDenied',
      retryable: false,
      operation: 'DescribeNotebookInstance',
    });
    expect(err.message).toMatch(/^The credentials lack sagemaker:DescribeNotebookInstance in eu-west-1/);
  });

  it('names the permission from the operation when the denial does not', () => {
    const err = toConnectorError(sdkError('AccessDenied', 'Access Denied'), ctx);
    expect(err.message).toMatch(/lack sagemaker:ListNotebookInstances/);
  });

  it.each([
    ['UnrecognizedClientException', /The access key SIME\.\.\.0042 is not recognised/],
    ['InvalidClientTokenId', /The access key SIME\.\.\.0042 is not recognised/],
    ['InvalidSignatureException', /secret access key does not match the access key SIME\.\.\.0042/],
    ['ExpiredTokenException', /expired/],
  ])('maps %s to non-retryable InvalidCredentials', (name, message) => {
    const err = toConnectorError(
      sdkError(name, 'The security token included in the request is invalid.'),
      ctx,
    );
    expect(err).toMatchObject({ code: 'InvalidCredentials', retryable: false });
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('SIMEXAMPLEKEY00042');
  });

  it('maps server faults and network failures to retryable Unavailable', () => {
    expect(toConnectorError(sdkError('InternalFailure', 'boom', 500), ctx)).toMatchObject({
      code: 'Unavailable',
      retryable: true,
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4510'), { code: 'ECONNREFUSED' });
    const err = toConnectorError(refused, ctx);
    expect(err).toMatchObject({ code: 'Unavailable', retryable: true });
    expect(err.message).toContain('Could not reach http://127.0.0.1:4510');
  });

  it('maps an abort to Aborted', () => {
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    expect(toConnectorError(abort, ctx)).toMatchObject({ code: 'Aborted', retryable: false });
  });

  it('maps anything else to non-retryable Unknown with the AWS wording', () => {
    const err = toConnectorError(sdkError('ValidationException', 'Invalid pagination token'), ctx);
    expect(err).toMatchObject({ code: 'Unknown', retryable: false });
    expect(err.message).toContain('ValidationException: Invalid pagination token');
  });

  it('never lets the secret through, even when an error message echoes it', () => {
    const err = toConnectorError(sdkError('SomethingOdd', `bad request signed with ${SECRET}`), ctx);
    expect(err.message).not.toContain(SECRET);
    expect(err.message).toContain('[redacted]');
  });

  it('passes a ConnectorError through untouched', () => {
    const original = new ConnectorError({ code: 'Throttled', service: 's', message: 'm' });
    expect(toConnectorError(original, ctx)).toBe(original);
  });
});

describe('maskAccessKeyId', () => {
  it('keeps the first and last four characters only', () => {
    expect(maskAccessKeyId('SIMDEMOACCESSKEY0001')).toBe('SIMD...0001');
    expect(maskAccessKeyId('SHORT')).toBe('****');
  });
});
