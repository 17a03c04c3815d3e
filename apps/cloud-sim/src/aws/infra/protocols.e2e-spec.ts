import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../fault-injector';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../server';
import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
} from '../credentials';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const toBytes = (d: SourceData) =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      : new Uint8Array(d);
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}
const demo: Keys = { accessKeyId: SIM_AWS_ACCESS_KEY_ID, secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY };
const readonly: Keys = {
  accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
  secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
};

/** One request signed with AWS's own SigV4 implementation, as the SDKs sign it. */
async function send(
  base: string,
  req: {
    service: string;
    region?: string;
    method?: string;
    path?: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string;
    keys?: Keys;
  },
): Promise<{ status: number; text: string; contentType: string | null }> {
  const url = new URL(base);
  const signer = new SignatureV4({
    service: req.service,
    region: req.region ?? 'us-east-1',
    sha256: NodeSha256,
    credentials: req.keys ?? demo,
    uriEscapePath: req.service !== 's3',
  });
  const body = req.body ?? '';
  const signed = await signer.sign({
    method: req.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: req.path ?? '/',
    query: req.query ?? {},
    headers: {
      host: url.host,
      ...(req.service === 's3' && {
        'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      }),
      ...req.headers,
    },
    body,
  });
  const { host: _host, ...headers } = signed.headers;
  const qs = new URLSearchParams(req.query ?? {}).toString();
  const res = await fetch(`${url.origin}${req.path ?? '/'}${qs ? `?${qs}` : ''}`, {
    method: req.method ?? 'POST',
    headers,
    ...(body && { body }),
  });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') };
}

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const iam = (base: string, fields: Record<string, string>, extra: { keys?: Keys; region?: string } = {}) =>
  send(base, { service: 'iam', ...form({ Version: '2010-05-08', ...fields }), ...extra });
const sts = (base: string, fields: Record<string, string>, keys: Keys = demo) =>
  send(base, { service: 'sts', keys, ...form({ Version: '2011-06-15', ...fields }) });
const ec2 = (base: string, fields: Record<string, string>, keys: Keys = demo) =>
  send(base, { service: 'ec2', keys, ...form({ Version: '2016-11-15', ...fields }) });
const kms = (base: string, op: string, input: object, region = 'us-east-1') =>
  send(base, {
    service: 'kms',
    region,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${op}` },
    body: JSON.stringify(input),
  });
const s3 = (base: string, path: string, query: Record<string, string> = {}, region = 'us-east-1') =>
  send(base, { service: 's3', method: 'GET', path, query, region });
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

async function withSim<T>(options: SimulatorOptions, fn: (sim: RunningSimulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ port: 0, ...options });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

describe('simulated AWS infrastructure protocols', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  it('IAM pages ListRoles with Marker/IsTruncated in its 2010-05-08 namespace', async () => {
    const first = await iam(sim.url, { Action: 'ListRoles', MaxItems: '5' });
    expect(first.status).toBe(200);
    expect(first.text).toContain(
      '<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolesResult>',
    );
    expect(tag(first.text, 'IsTruncated')).toBe('true');
    const names: string[] = [...first.text.matchAll(/<RoleName>([^<]+)<\/RoleName>/g)].map((m) => m[1]!);
    let marker = tag(first.text, 'Marker');
    while (marker) {
      const next = await iam(sim.url, { Action: 'ListRoles', MaxItems: '5', Marker: marker });
      names.push(...[...next.text.matchAll(/<RoleName>([^<]+)<\/RoleName>/g)].map((m) => m[1]!));
      marker = tag(next.text, 'Marker');
      if (!marker) expect(tag(next.text, 'IsTruncated')).toBe('false');
    }
    expect(names.sort()).toEqual(sim.estate.awsInfra.roles.map((r) => r.RoleName).sort());
  });

  it('IAM sends policy documents URL-encoded, as submitted', async () => {
    const res = await iam(sim.url, {
      Action: 'GetPolicyVersion',
      PolicyArn: 'arn:aws:iam::123456789012:policy/DataScienceWildcard',
      VersionId: 'v1',
    });
    const doc = tag(res.text, 'Document')!;
    expect(doc.startsWith('%7B%0A%20%20%22Version%22')).toBe(true);
    expect(JSON.parse(decodeURIComponent(doc))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }],
    });
  });

  it('IAM answers errors as ErrorResponse XML: NoSuchEntity 404, AccessDenied 403, wrong region', async () => {
    const missing = await iam(sim.url, { Action: 'GetRole', RoleName: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.text).toMatch(
      /<ErrorResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code>/,
    );
    const denied = await iam(sim.url, { Action: 'ListRoles' }, { keys: readonly });
    expect(denied.status).toBe(403);
    expect(tag(denied.text, 'Code')).toBe('AccessDenied');
    expect(tag(denied.text, 'Message')).toContain('is not authorized to perform: iam:ListRoles');
    const region = await iam(sim.url, { Action: 'ListRoles' }, { region: 'eu-west-1' });
    expect(region.status).toBe(403);
    expect(tag(region.text, 'Code')).toBe('SignatureDoesNotMatch');
  });

  it('S3 lists buckets with a continuation token and answers 404s in its Error XML', async () => {
    const page = await s3(sim.url, '/', { 'x-id': 'ListBuckets', 'max-buckets': '3' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">');
    expect([...page.text.matchAll(/<Bucket>/g)]).toHaveLength(3);
    expect(tag(page.text, 'ContinuationToken')).toBeTruthy();
    const noPolicy = await s3(sim.url, '/sagemaker-eu-west-1-123456789012', { policy: '' }, 'eu-west-1');
    expect(noPolicy.status).toBe(404);
    expect(tag(noPolicy.text, 'Code')).toBe('NoSuchBucketPolicy');
    expect(tag(noPolicy.text, 'BucketName')).toBe('sagemaker-eu-west-1-123456789012');
    const noBlock = await s3(sim.url, '/aispm-sim-training-data-123456789012', { publicAccessBlock: '' });
    expect(tag(noBlock.text, 'Code')).toBe('NoSuchPublicAccessBlockConfiguration');
    const location = await s3(sim.url, '/aispm-sim-model-artifacts-123456789012', { location: '' });
    expect(location.text).toContain('>eu-west-1</LocationConstraint>');
    const wrongRegion = await s3(sim.url, '/aispm-sim-model-artifacts-123456789012', { versioning: '' });
    expect(wrongRegion.status).toBe(400);
    expect(tag(wrongRegion.text, 'Code')).toBe('AuthorizationHeaderMalformed');
    const policy = await s3(sim.url, '/aispm-sim-training-data-123456789012', { policy: '' });
    expect(policy.contentType).toBe('application/json');
    expect(JSON.parse(policy.text)).toMatchObject({ Statement: [{ Principal: '*' }] });
  });

  it('KMS answers awsJson1_1 with epoch-second dates and NotFoundException for a key of another region', async () => {
    const keys = await kms(sim.url, 'ListKeys', { Limit: 2 });
    const listed = JSON.parse(keys.text) as {
      Keys: { KeyId: string; KeyArn: string }[];
      Truncated: boolean;
      NextMarker: string;
    };
    expect(listed.Keys).toHaveLength(2);
    expect(listed.Truncated).toBe(true);
    const described = JSON.parse(
      (await kms(sim.url, 'DescribeKey', { KeyId: listed.Keys[0]!.KeyArn })).text,
    ) as {
      KeyMetadata: { CreationDate: number; KeyManager: string };
    };
    expect(described.KeyMetadata.CreationDate).toBeLessThan(2e9);
    const elsewhere = await kms(sim.url, 'DescribeKey', { KeyId: listed.Keys[0]!.KeyArn }, 'eu-west-1');
    expect(elsewhere.status).toBe(400);
    expect(JSON.parse(elsewhere.text)).toMatchObject({ __type: 'NotFoundException' });
  });

  it('EC2 answers DescribeInstances in its 2016-11-15 namespace and refuses MaxResults below 5', async () => {
    const res = await ec2(sim.url, { Action: 'DescribeInstances', MaxResults: '5' });
    expect(res.text).toContain(
      '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>',
    );
    expect(res.text).toContain('<httpTokens>optional</httpTokens>');
    const small = await ec2(sim.url, { Action: 'DescribeInstances', MaxResults: '2' });
    expect(small.status).toBe(400);
    expect(small.text).toMatch(/^<\?xml[^>]*>\n<Response><Errors><Error><Code>InvalidParameterValue<\/Code>/);
    const unknown = await ec2(
      sim.url,
      { Action: 'DescribeVpcEndpoints' },
      { accessKeyId: 'SIMNOSUCHKEY000001', secretAccessKey: 'x'.repeat(20) },
    );
    expect(unknown.status).toBe(401);
    expect(tag(unknown.text, 'Code')).toBe('AuthFailure');
  });

  it('STS AssumeRole refuses a wrong external id and issues credentials that work only with their token', async () => {
    const { roleArn, externalId } = sim.estate.awsInfra.scanner;
    const denied = await sts(sim.url, {
      Action: 'AssumeRole',
      RoleArn: roleArn,
      RoleSessionName: 's1',
      ExternalId: 'wrong-id',
    });
    expect(denied.status).toBe(403);
    expect(tag(denied.text, 'Message')).toBe(
      `User: arn:aws:iam::123456789012:user/sim-demo-scanner is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
    const missing = await sts(sim.url, { Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 's1' });
    expect(missing.status).toBe(403);
    const short = await sts(sim.url, {
      Action: 'AssumeRole',
      RoleArn: roleArn,
      RoleSessionName: 's1',
      ExternalId: externalId,
      DurationSeconds: '60',
    });
    expect(tag(short.text, 'Code')).toBe('ValidationError');

    const ok = await sts(sim.url, {
      Action: 'AssumeRole',
      RoleArn: roleArn,
      RoleSessionName: 'aispm-scan',
      ExternalId: externalId,
    });
    expect(ok.status).toBe(200);
    const keys: Keys = {
      accessKeyId: tag(ok.text, 'AccessKeyId')!,
      secretAccessKey: tag(ok.text, 'SecretAccessKey')!,
      sessionToken: tag(ok.text, 'SessionToken')!,
    };
    expect(keys.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(Date.parse(tag(ok.text, 'Expiration')!) - Date.now()).toBeGreaterThan(3500_000);
    const who = await sts(sim.url, { Action: 'GetCallerIdentity' }, keys);
    expect(tag(who.text, 'Arn')).toBe('arn:aws:sts::123456789012:assumed-role/aispm-scanner/aispm-scan');
    expect((await iam(sim.url, { Action: 'ListRoles' }, { keys })).status).toBe(200);
    // Signed with the session's secret but another token: the signature holds, the token does not.
    const wrongToken = await iam(
      sim.url,
      { Action: 'ListRoles' },
      { keys: { ...keys, sessionToken: 'forged' } },
    );
    expect(wrongToken.status).toBe(403);
    expect(tag(wrongToken.text, 'Code')).toBe('InvalidClientTokenId');
  });

  it('names the five infra services in fault specs', () => {
    for (const spec of [
      'iam:throttle:0.5',
      's3.GetBucketPolicy:internal:1',
      'kms:fail-page:2',
      'ec2.DescribeInstances:latency:10',
      'sts:throttle:1',
    ]) {
      expect(() => parseFaultSpec(spec)).not.toThrow();
    }
    expect(() => parseFaultSpec('s3.GetBucketPolicy:fail-page:2')).toThrow(/paged listings/);
  });
});

describe('throttling in each protocol’s own form', () => {
  it('IAM Throttling 400, S3 SlowDown 503, KMS ThrottlingException 400, EC2 RequestLimitExceeded 503', async () => {
    const faults = ['iam', 's3', 'kms', 'ec2', 'sts'].map((service) => ({
      service,
      kind: 'throttle' as const,
      rate: 1,
    }));
    await withSim({ faults }, async (sim) => {
      const i = await iam(sim.url, { Action: 'ListRoles' });
      expect([i.status, tag(i.text, 'Code')]).toEqual([400, 'Throttling']);
      const s = await s3(sim.url, '/', { 'x-id': 'ListBuckets' });
      expect([s.status, tag(s.text, 'Code')]).toEqual([503, 'SlowDown']);
      const k = await kms(sim.url, 'ListKeys', {});
      expect([k.status, (JSON.parse(k.text) as { __type: string }).__type]).toEqual([
        400,
        'ThrottlingException',
      ]);
      const e = await ec2(sim.url, { Action: 'DescribeVpcEndpoints' });
      expect([e.status, tag(e.text, 'Code')]).toEqual([503, 'RequestLimitExceeded']);
      const t = await sts(sim.url, { Action: 'GetCallerIdentity' });
      expect([t.status, tag(t.text, 'Code')]).toEqual([400, 'Throttling']);
    });
  });

  it('fails only the asked page of a listing', async () => {
    await withSim(
      { faults: [{ service: 'iam', operation: 'ListRoles', kind: 'fail-page', page: 2 }] },
      async (sim) => {
        const first = await iam(sim.url, { Action: 'ListRoles', MaxItems: '3' });
        expect(first.status).toBe(200);
        const second = await iam(sim.url, {
          Action: 'ListRoles',
          MaxItems: '3',
          Marker: tag(first.text, 'Marker')!,
        });
        expect([second.status, tag(second.text, 'Code')]).toEqual([500, 'ServiceFailure']);
      },
    );
  });
});
