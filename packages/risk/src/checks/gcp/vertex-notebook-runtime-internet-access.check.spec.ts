import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { notebookRuntimeAsset, wellConfiguredNotebookRuntime, withField } from './testing';
import { vertexNotebookRuntimeInternetAccess as check } from './vertex-notebook-runtime-internet-access.check';

const vpc = 'projects/123456789012/global/networks/ml-vpc';

describe(check.id, () => {
  it('passes when the network spec leaves enableInternetAccess out (false)', () => {
    expect(run(check, notebookRuntimeAsset(wellConfiguredNotebookRuntime))).toEqual({
      status: 'pass',
      evidence: { 'networkSpec.enableInternetAccess': null, 'networkSpec.network': vpc },
    });
  });

  it('fails when the runtime has public internet access', () => {
    const attributes = withField(wellConfiguredNotebookRuntime, 'networkSpec.enableInternetAccess', true);
    expect(run(check, notebookRuntimeAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { 'networkSpec.enableInternetAccess': true, 'networkSpec.network': vpc },
    });
  });

  it('is unknown when the body has no networkSpec', () => {
    const attributes = withField(wellConfiguredNotebookRuntime, 'networkSpec', undefined);
    expect(run(check, notebookRuntimeAsset(attributes))).toEqual({
      status: 'unknown',
      missing: ['networkSpec'],
    });
  });
});
