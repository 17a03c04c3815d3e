import { describe, expect, it } from 'vitest';
import { signRequest, type SignedCall } from '../testing/signed-request';
import { AwsJsonError } from './aws-json.protocol';
import { SIM_AWS_SECRET_ACCESS_KEY } from './credentials';
import { parseAuthorization, verifySignature, type SignedRequest } from './sigv4.verifier';

const HOST = '127.0.0.1:4510';

async function signed(call: SignedCall = {}): Promise<SignedRequest> {
  const { headers, body } = await signRequest(HOST, { target: 'SageMaker.ListNotebookInstances', ...call });
  return { method: 'POST', url: '/', headers, body: Buffer.from(body) };
}

function verify(req: SignedRequest, secret = SIM_AWS_SECRET_ACCESS_KEY): void {
  verifySignature(req, parseAuthorization(req.headers.authorization as string), secret);
}

function awsErrorOf(fn: () => void): AwsJsonError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsJsonError) return err;
    throw err;
  }
  throw new Error('expected an AwsJsonError');
}

describe('parseAuthorization', () => {
  it('reads key id, date, region and service from the credential scope', async () => {
    const req = await signed({ region: 'eu-west-1', accessKeyId: 'SIMSOMEKEY000001' });
    const auth = parseAuthorization(req.headers.authorization as string);
    expect(auth.credential).toEqual({
      accessKeyId: 'SIMSOMEKEY000001',
      date: expect.stringMatching(/^\d{8}$/),
      region: 'eu-west-1',
      service: 'sagemaker',
    });
    expect(auth.signedHeaders).toContain('host');
    expect(auth.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a missing header with MissingAuthenticationTokenException', () => {
    expect(awsErrorOf(() => parseAuthorization(undefined)).type).toBe('MissingAuthenticationTokenException');
  });

  it.each([
    [
      'another algorithm',
      'AWS4-HMAC-SHA1 Credential=K/20250101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=ab',
    ],
    [
      'no signature',
      'AWS4-HMAC-SHA256 Credential=K/20250101/us-east-1/sagemaker/aws4_request, SignedHeaders=host',
    ],
    ['a short scope', 'AWS4-HMAC-SHA256 Credential=K/20250101/us-east-1, SignedHeaders=host, Signature=ab'],
    [
      'a wrong terminator',
      'AWS4-HMAC-SHA256 Credential=K/20250101/us-east-1/sagemaker/aws5, SignedHeaders=host, Signature=ab',
    ],
  ])('answers %s with IncompleteSignatureException', (_label, header) => {
    const err = awsErrorOf(() => parseAuthorization(header));
    expect(err.type).toBe('IncompleteSignatureException');
    expect(err.status).toBe(400);
  });
});

describe('verifySignature', () => {
  it('accepts a request signed by @smithy/signature-v4', async () => {
    const req = await signed();
    expect(() => verify(req)).not.toThrow();
  });

  it('rejects a body changed after signing', async () => {
    const req = await signed({ body: '{"MaxResults":5}' });
    const tampered = { ...req, body: Buffer.from('{"MaxResults":6}') };
    expect(awsErrorOf(() => verify(tampered)).type).toBe('InvalidSignatureException');
  });

  it('rejects a signature made with another secret', async () => {
    const req = await signed({ secretAccessKey: 'some-other-secret-value' });
    const err = awsErrorOf(() => verify(req));
    expect(err.type).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/signature we calculated does not match/);
  });

  it('rejects a changed signed header', async () => {
    const req = await signed();
    const changed = {
      ...req,
      headers: { ...req.headers, 'x-amz-target': 'SageMaker.DeleteNotebookInstance' },
    };
    expect(awsErrorOf(() => verify(changed)).type).toBe('InvalidSignatureException');
  });

  it('rejects a signature that does not cover Host', async () => {
    const req = await signed();
    const auth = parseAuthorization(req.headers.authorization as string);
    const withoutHost = { ...auth, signedHeaders: auth.signedHeaders.filter((h) => h !== 'host') };
    const err = awsErrorOf(() => verifySignature(req, withoutHost, SIM_AWS_SECRET_ACCESS_KEY));
    expect(err.type).toBe('IncompleteSignatureException');
  });

  it('rejects a scope date that is not the request date', async () => {
    const req = await signed();
    const auth = parseAuthorization(req.headers.authorization as string);
    const err = awsErrorOf(() =>
      verifySignature(
        req,
        { ...auth, credential: { ...auth.credential, date: '19990101' } },
        SIM_AWS_SECRET_ACCESS_KEY,
      ),
    );
    expect(err.message).toMatch(/Date in Credential scope/);
  });
});
