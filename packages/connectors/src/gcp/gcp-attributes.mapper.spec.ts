import { describe, expect, it } from 'vitest';
import {
  bucketNativeId,
  bucketRelations,
  kmsRelations,
  labelsToTags,
  lastSegment,
  serviceAccountRelation,
  uniqueRelations,
  withEnumNames,
} from './gcp-attributes.mapper';

describe('withEnumNames', () => {
  it('keeps the raw body and takes only enum names from the decoded object', () => {
    const raw = {
      state: 5,
      createTime: '2025-01-02T03:04:05.123456789Z',
      dataItemCount: '9007199254740993',
      trafficSplit: { '123': 100 },
      metadata: { inputConfig: { gcsSource: { uri: ['gs://b/x'] } }, count: 3 },
      workerPoolSpecs: [{ machineSpec: { acceleratorType: 11, acceleratorCount: 1 } }],
    };
    // What the client makes of it: defaults everywhere, Timestamp and Struct as messages.
    const decoded = {
      state: 'JOB_STATE_FAILED',
      createTime: { seconds: '1735787045', nanos: 123456789 },
      dataItemCount: '9007199254740993',
      trafficSplit: { '123': 100 },
      metadata: { structValue: { fields: {} } },
      workerPoolSpecs: [{ machineSpec: { acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 } }],
      network: '',
      enablePrivateServiceConnect: false,
      encryptionSpec: null,
    };
    expect(withEnumNames(raw, decoded)).toEqual({
      ...raw,
      state: 'JOB_STATE_FAILED',
      workerPoolSpecs: [{ machineSpec: { acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 } }],
    });
  });

  it('keeps numbers whose decoded counterpart is not a name, and survives a missing decoded object', () => {
    expect(withEnumNames({ runCount: 3, tags: ['a'] }, undefined)).toEqual({ runCount: 3, tags: ['a'] });
    expect(
      withEnumNames(
        { metadata: { n: 1 } },
        { metadata: { structValue: { fields: { n: { numberValue: 1 } } } } },
      ),
    ).toEqual({ metadata: { n: 1 } });
  });
});

describe('relations', () => {
  it('finds buckets in gs:// URIs anywhere, output paths as writes, Google schema buckets ignored', () => {
    const job = {
      metadataSchemaUri: 'gs://google-cloud-aiplatform/schema/dataset/metadata/image_1.0.0.yaml',
      jobSpec: {
        workerPoolSpecs: [{ containerSpec: { args: ['--data=gs://training-data/train/', '--epochs', '3'] } }],
        baseOutputDirectory: { outputUriPrefix: 'gs://model-artifacts/jobs/1' },
      },
      runtimeConfig: {
        gcsOutputDirectory: 'gs://pipeline-root/run',
        parameterValues: { src: 'gs://training-data/eval' },
      },
    };
    expect(uniqueRelations(bucketRelations(job))).toEqual([
      {
        kind: 'reads_data',
        toAssetType: 'gcp.storage.bucket',
        toNativeId: 'projects/_/buckets/training-data',
      },
      {
        kind: 'writes_output',
        toAssetType: 'gcp.storage.bucket',
        toNativeId: 'projects/_/buckets/model-artifacts',
      },
      {
        kind: 'writes_output',
        toAssetType: 'gcp.storage.bucket',
        toNativeId: 'projects/_/buckets/pipeline-root',
      },
    ]);
    expect(bucketNativeId('b')).toBe('projects/_/buckets/b');
  });

  it('finds customer-managed keys under every field name Google uses', () => {
    const key = 'projects/p/locations/us/keyRings/r/cryptoKeys/k';
    expect(kmsRelations({ encryptionSpec: { kmsKeyName: key } })).toEqual([
      { kind: 'encrypted_by', toAssetType: 'gcp.kms.crypto_key', toNativeId: key },
    ]);
    expect(
      kmsRelations({ gceSetup: { bootDisk: { kmsKey: key }, dataDisks: [{ kmsKey: key }] } }),
    ).toHaveLength(2);
    expect(kmsRelations({ encryption: { defaultKmsKeyName: key } })).toHaveLength(1);
    expect(kmsRelations({ encryptionSpec: {} })).toEqual([]);
  });

  it('links service accounts by email only when one was returned', () => {
    expect(serviceAccountRelation('sa@p.iam.gserviceaccount.com')).toEqual([
      {
        kind: 'uses_role',
        toAssetType: 'gcp.iam.service_account',
        toNativeId: 'sa@p.iam.gserviceaccount.com',
      },
    ]);
    expect(serviceAccountRelation(undefined)).toEqual([]);
    expect(serviceAccountRelation('')).toEqual([]);
  });
});

describe('names and labels', () => {
  it('takes string labels as tags and the last name segment as a fallback name', () => {
    expect(labelsToTags({ team: 'ml', n: 3 })).toEqual({ team: 'ml' });
    expect(labelsToTags(undefined)).toEqual({});
    expect(lastSegment('projects/1/locations/l/featurestores/fs_1')).toBe('fs_1');
  });
});
