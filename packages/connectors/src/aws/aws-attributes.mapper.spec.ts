import { describe, expect, it } from 'vitest';
import { tagsToRecord, toAssetAttributes } from './aws-attributes.mapper';

describe('toAssetAttributes', () => {
  it('drops $metadata, turns Dates into ISO strings and keeps other values as they are', () => {
    const attributes = toAssetAttributes({
      $metadata: { httpStatusCode: 200, requestId: 'r' },
      NotebookInstanceName: 'nb',
      CreationTime: new Date(Date.UTC(2024, 9, 14, 1, 42, 48, 570)),
      VolumeSizeInGB: 20,
      SecurityGroups: ['sg-1'],
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    });
    expect(attributes).toStrictEqual({
      NotebookInstanceName: 'nb',
      CreationTime: '2024-10-14T01:42:48.570Z',
      VolumeSizeInGB: 20,
      SecurityGroups: ['sg-1'],
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    });
  });

  it('leaves absent members absent instead of filling them in', () => {
    const attributes = toAssetAttributes({
      NotebookInstanceName: 'nb',
      RootAccess: undefined,
      Nested: { a: undefined },
    });
    expect(Object.keys(attributes)).toEqual(['NotebookInstanceName', 'Nested']);
    expect(attributes.Nested).toStrictEqual({});
  });

  it('keeps a returned null and empty values, which are answers, not absences', () => {
    expect(toAssetAttributes({ KmsKeyId: '', SecurityGroups: [], Url: null })).toStrictEqual({
      KmsKeyId: '',
      SecurityGroups: [],
      Url: null,
    });
  });

  it('converts Dates inside arrays and nested objects', () => {
    const at = new Date(Date.UTC(2025, 0, 2));
    expect(toAssetAttributes({ History: [{ At: at }] })).toStrictEqual({
      History: [{ At: '2025-01-02T00:00:00.000Z' }],
    });
  });

  it('records an unparseable timestamp as null rather than throwing', () => {
    expect(toAssetAttributes({ CreationTime: new Date(Number.NaN) })).toStrictEqual({ CreationTime: null });
  });
});

describe('tagsToRecord', () => {
  it('turns [{Key, Value}] into a record', () => {
    expect(tagsToRecord([{ Key: 'team', Value: 'ml' }, { Key: 'empty' }, { Value: 'orphan' }])).toEqual({
      team: 'ml',
      empty: '',
    });
    expect(tagsToRecord(undefined)).toEqual({});
  });
});
