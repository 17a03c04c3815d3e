import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
} from './aws/credentials';
import { notebooksInRegion } from './estate';
import { startSimulator, type RunningSimulator } from './server';
import { callSageMaker, signedFetch } from './testing/signed-request';

// The wire as the SDK sees it, checked with plain fetch and AWS's own SigV4 signer.
describe('cloud-sim SageMaker wire (awsJson1_1)', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, log: (line) => lines.push(line) });
  });
  afterAll(() => sim.close());

  it('answers health checks without credentials', async () => {
    const res = await fetch(`${sim.url}/_sim/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      seed: 42,
      accountId: '123456789012',
      notebooks: { 'us-east-1': 7, 'eu-west-1': 5 },
    });
  });

  it('lists with the awsJson1_1 content type, a request id and epoch-second timestamps', async () => {
    const res = await signedFetch(sim.url, {
      target: 'SageMaker.ListNotebookInstances',
      body: '{"MaxResults":100}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as {
      NotebookInstances: { CreationTime: unknown; LastModifiedTime: unknown }[];
    };
    expect(body.NotebookInstances).toHaveLength(7);
    for (const n of body.NotebookInstances) {
      // Seconds, not milliseconds (which the SDK would read as the year 56000) and not ISO strings.
      expect(typeof n.CreationTime).toBe('number');
      expect(n.CreationTime).toBeGreaterThan(1e9);
      expect(n.CreationTime).toBeLessThan(1e10);
      expect(typeof n.LastModifiedTime).toBe('number');
    }
  });

  it('pages with an opaque NextToken and no token on the last page', async () => {
    const first = await callSageMaker(sim.url, 'ListNotebookInstances', { MaxResults: 5 });
    expect((first.body.NotebookInstances as unknown[]).length).toBe(5);
    const second = await callSageMaker(sim.url, 'ListNotebookInstances', {
      MaxResults: 5,
      NextToken: first.body.NextToken,
    });
    expect((second.body.NotebookInstances as unknown[]).length).toBe(2);
    expect(second.body).not.toHaveProperty('NextToken');
  });

  it('serves only the region of the credential scope', async () => {
    const { body } = await callSageMaker(
      sim.url,
      'ListNotebookInstances',
      { MaxResults: 100 },
      { region: 'eu-west-1' },
    );
    const arns = (body.NotebookInstances as { NotebookInstanceArn: string }[]).map(
      (n) => n.NotebookInstanceArn,
    );
    expect(arns.sort()).toEqual(
      notebooksInRegion(sim.estate, 'eu-west-1')
        .map((n) => n.arn)
        .sort(),
    );
  });

  it('describes a notebook with the exact estate body, omitted fields absent from the JSON', async () => {
    const nb = sim.estate.notebooks.find((n) => n.omittedFields.includes('RootAccess'))!;
    const res = await signedFetch(sim.url, {
      target: 'SageMaker.DescribeNotebookInstance',
      body: JSON.stringify({ NotebookInstanceName: nb.name }),
      region: nb.region,
    });
    const text = await res.text();
    expect(JSON.parse(text)).toEqual(nb.describe);
    expect(text).not.toContain('RootAccess');
  });

  it('answers an unknown notebook with 400 ValidationException RecordNotFound', async () => {
    const res = await callSageMaker(sim.url, 'DescribeNotebookInstance', {
      NotebookInstanceName: 'does-not-exist',
    });
    expect(res).toEqual({
      status: 400,
      contentType: 'application/x-amz-json-1.1',
      body: { __type: 'ValidationException', message: 'RecordNotFound' },
    });
  });

  it('returns tags as [{Key, Value}]', async () => {
    const nb = sim.estate.notebooks.find((n) => n.region === 'us-east-1' && n.tags.length > 0)!;
    const res = await callSageMaker(sim.url, 'ListTags', { ResourceArn: nb.arn });
    expect(res.body).toEqual({ Tags: nb.tags });
  });

  it('answers an unknown target with 400 UnknownOperationException', async () => {
    const res = await callSageMaker(sim.url, 'DeleteEverything');
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('UnknownOperationException');
    const noTarget = await signedFetch(sim.url, {});
    expect(noTarget.status).toBe(400);
    expect(((await noTarget.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });

  it('answers malformed JSON with 400 SerializationException', async () => {
    const res = await signedFetch(sim.url, {
      target: 'SageMaker.ListNotebookInstances',
      body: '{"MaxResults": 5',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe('SerializationException');
  });

  it('answers an unsigned request with MissingAuthenticationTokenException', async () => {
    const res = await fetch(sim.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'SageMaker.ListNotebookInstances',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe('MissingAuthenticationTokenException');
  });

  it('answers an unknown access key with UnrecognizedClientException', async () => {
    const res = await callSageMaker(
      sim.url,
      'ListNotebookInstances',
      {},
      { accessKeyId: 'SIMUNKNOWNKEY00001' },
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      __type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('answers a wrong secret or a body changed after signing with InvalidSignatureException', async () => {
    const wrongSecret = await callSageMaker(
      sim.url,
      'ListNotebookInstances',
      {},
      { secretAccessKey: 'not-the-secret-0000' },
    );
    expect(wrongSecret.body.__type).toBe('InvalidSignatureException');
    const tampered = await signedFetch(sim.url, {
      target: 'SageMaker.ListNotebookInstances',
      body: '{"MaxResults":1}',
      tamperBody: '{"MaxResults":9}',
    });
    expect(((await tampered.json()) as { __type: string }).__type).toBe('InvalidSignatureException');
  });

  it('denies the read-only key with AccessDeniedException naming the action', async () => {
    const res = await callSageMaker(
      sim.url,
      'ListNotebookInstances',
      {},
      { accessKeyId: SIM_READONLY_ACCESS_KEY_ID, secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY },
    );
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('AccessDeniedException');
    expect(res.body.message).toMatch(
      /^User: arn:aws:iam::123456789012:user\/\S+ is not authorized to perform: sagemaker:ListNotebookInstances/,
    );
  });

  it('logs one line per request', () => {
    const listed = lines.filter((l) => l.includes('SageMaker.ListNotebookInstances'));
    expect(listed.length).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => l.includes(`key=${SIM_AWS_ACCESS_KEY_ID}`) && l.includes('-> 200'))).toBe(true);
    expect(lines.some((l) => l.includes('UnrecognizedClientException'))).toBe(true);
  });
});

describe('cloud-sim fault injection', () => {
  it('throttles every call at rate 1 with 400 ThrottlingException "Rate exceeded"', async () => {
    const sim = await startSimulator({ faults: [{ service: 'sagemaker', kind: 'throttle', rate: 1 }] });
    try {
      const res = await callSageMaker(sim.url, 'ListNotebookInstances');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
    } finally {
      await sim.close();
    }
  });

  it('makes the same throttling decisions for the same seed', async () => {
    const run = async (seed: number) => {
      const sim = await startSimulator({
        seed,
        faults: [{ service: 'sagemaker', kind: 'throttle', rate: 0.5 }],
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 16; i++)
          statuses.push((await callSageMaker(sim.url, 'ListNotebookInstances')).status);
        return statuses;
      } finally {
        await sim.close();
      }
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(first).toContain(400);
    expect(first).toContain(200);
  });

  it('fails page 2 of a listing with a 500 InternalFailure while page 1 works', async () => {
    const sim = await startSimulator({ faults: [{ service: 'sagemaker', kind: 'fail-page', page: 2 }] });
    try {
      const first = await callSageMaker(sim.url, 'ListNotebookInstances', { MaxResults: 3 });
      expect(first.status).toBe(200);
      const second = await callSageMaker(sim.url, 'ListNotebookInstances', {
        MaxResults: 3,
        NextToken: first.body.NextToken,
      });
      expect(second.status).toBe(500);
      expect(second.body.__type).toBe('InternalFailure');
    } finally {
      await sim.close();
    }
  });

  it('adds latency', async () => {
    const sim = await startSimulator({ faults: [{ service: 'sagemaker', kind: 'latency', ms: 150 }] });
    try {
      const started = performance.now();
      expect((await callSageMaker(sim.url, 'ListNotebookInstances')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await sim.close();
    }
  });
});
