import { describe, expect, it } from 'vitest';
import {
  buildEstate,
  inRegion,
  notebooksInRegion,
  SIM_ACCOUNT_ID,
  SIM_REGIONS,
  type NotebookMisconfiguration,
} from './estate';
import { ML_COUNTS } from './ml-estate';

const count = (estate: ReturnType<typeof buildEstate>, m: NotebookMisconfiguration) =>
  estate.notebooks.filter((n) => n.misconfigurations.includes(m)).length;

describe('buildEstate', () => {
  it('builds a byte-identical estate from the same seed', () => {
    expect(JSON.stringify(buildEstate({ seed: 7 }))).toBe(JSON.stringify(buildEstate({ seed: 7 })));
    expect(JSON.stringify(buildEstate())).toBe(JSON.stringify(buildEstate({ seed: 42, notebooks: 12 })));
  });

  it('builds a different estate from a different seed', () => {
    const a = buildEstate({ seed: 1 });
    const b = buildEstate({ seed: 2 });
    expect(a.notebooks.map((n) => n.arn)).not.toEqual(b.notebooks.map((n) => n.arn));
  });

  it('spreads the default 12 notebooks over us-east-1 (7) and eu-west-1 (5)', () => {
    const estate = buildEstate();
    expect(estate.notebooks).toHaveLength(12);
    expect(notebooksInRegion(estate, 'us-east-1')).toHaveLength(7);
    expect(notebooksInRegion(estate, 'eu-west-1')).toHaveLength(5);
    expect(notebooksInRegion(estate, 'ap-south-1')).toEqual([]);
  });

  it('plants the promised misconfigurations in the default estate', () => {
    const estate = buildEstate();
    expect(count(estate, 'direct-internet-access')).toBeGreaterThanOrEqual(3);
    expect(count(estate, 'root-access')).toBeGreaterThanOrEqual(3);
    expect(count(estate, 'no-kms-key')).toBeGreaterThanOrEqual(3);
    expect(count(estate, 'imds-v1')).toBeGreaterThanOrEqual(1);
    expect(count(estate, 'no-vpc')).toBeGreaterThanOrEqual(1);
    const clean = estate.notebooks.filter(
      (n) => n.misconfigurations.length === 0 && n.omittedFields.length === 0,
    );
    expect(clean.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps the planted misconfigurations for every seed', () => {
    for (const seed of [0, 1, 99, 123456, 4294967295]) {
      const estate = buildEstate({ seed });
      expect(count(estate, 'direct-internet-access'), `seed ${seed}`).toBeGreaterThanOrEqual(3);
      expect(count(estate, 'root-access'), `seed ${seed}`).toBeGreaterThanOrEqual(3);
      expect(count(estate, 'no-kms-key'), `seed ${seed}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('describes each notebook consistently with its declared misconfigurations and omissions', () => {
    for (const n of buildEstate().notebooks) {
      const d = n.describe;
      const bad = new Set(n.misconfigurations);
      const omitted = new Set<string>(n.omittedFields);
      for (const field of ['RootAccess', 'DirectInternetAccess', 'InstanceMetadataServiceConfiguration']) {
        expect(field in d, `${n.name}.${field}`).toBe(!omitted.has(field));
      }
      if (!omitted.has('RootAccess'))
        expect(d.RootAccess).toBe(bad.has('root-access') ? 'Enabled' : 'Disabled');
      if (!omitted.has('DirectInternetAccess')) {
        const open = bad.has('direct-internet-access') || bad.has('no-vpc');
        expect(d.DirectInternetAccess).toBe(open ? 'Enabled' : 'Disabled');
      }
      if (!omitted.has('InstanceMetadataServiceConfiguration')) {
        expect(d.InstanceMetadataServiceConfiguration?.MinimumInstanceMetadataServiceVersion).toBe(
          bad.has('imds-v1') ? '1' : '2',
        );
      }
      expect('KmsKeyId' in d).toBe(!bad.has('no-kms-key'));
      expect('SubnetId' in d).toBe(!bad.has('no-vpc'));
      expect('SecurityGroups' in d).toBe(!bad.has('no-vpc'));
      // Optional members are left out, never present with an undefined value.
      expect(Object.values(d)).not.toContain(undefined);
    }
  });

  it('has a notebook whose Describe omits RootAccess, one omitting DirectInternetAccess and one omitting IMDS', () => {
    const omitted = buildEstate().notebooks.flatMap((n) => n.omittedFields);
    expect(omitted.sort()).toEqual([
      'DirectInternetAccess',
      'InstanceMetadataServiceConfiguration',
      'RootAccess',
    ]);
  });

  it('builds ARNs as SageMaker does: account, region and the lower-cased name', () => {
    const estate = buildEstate();
    for (const n of estate.notebooks) {
      expect(n.arn).toBe(
        `arn:aws:sagemaker:${n.region}:${SIM_ACCOUNT_ID}:notebook-instance/${n.name.toLowerCase()}`,
      );
      expect(n.describe.NotebookInstanceArn).toBe(n.arn);
      expect(n.describe.NotebookInstanceName).toBe(n.name);
    }
    expect(estate.notebooks.some((n) => n.name !== n.name.toLowerCase())).toBe(true);
  });

  it('keeps names unique within a region and reuses one across regions', () => {
    const estate = buildEstate();
    for (const region of estate.regions) {
      const names = notebooksInRegion(estate, region).map((n) => n.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
    const us = new Set(notebooksInRegion(estate, 'us-east-1').map((n) => n.name));
    expect(notebooksInRegion(estate, 'eu-west-1').filter((n) => us.has(n.name))).toHaveLength(1);
    expect(new Set(estate.notebooks.map((n) => n.arn)).size).toBe(estate.notebooks.length);
  });

  it('uses epoch-second timestamps with modification after creation', () => {
    for (const { describe: d } of buildEstate().notebooks) {
      expect(d.CreationTime).toBeGreaterThan(1_600_000_000);
      expect(d.CreationTime).toBeLessThan(2_000_000_000);
      expect(d.LastModifiedTime).toBeGreaterThanOrEqual(d.CreationTime);
    }
  });

  it('scales to larger estates with unique names per region', () => {
    const estate = buildEstate({ notebooks: 60 });
    expect(estate.notebooks).toHaveLength(60);
    for (const region of estate.regions) {
      const names = notebooksInRegion(estate, region).map((n) => n.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
    expect(buildEstate({ notebooks: 0 }).notebooks).toEqual([]);
  });

  it('rejects a seed or size it cannot honour', () => {
    expect(() => buildEstate({ seed: 1.5 })).toThrow(/seed/);
    expect(() => buildEstate({ notebooks: -1 })).toThrow(/notebooks/);
  });
});

describe('buildEstate: models, endpoint configs, endpoints and training jobs', () => {
  const kinds = ['trainingJobs', 'models', 'endpointConfigs', 'endpoints'] as const;

  it('is byte-identical for a seed, differs across seeds, and does not depend on the notebook count', () => {
    const a = buildEstate({ seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(buildEstate({ seed: 7 })));
    for (const k of kinds) {
      expect(JSON.stringify(buildEstate({ seed: 7, notebooks: 3 })[k])).toBe(JSON.stringify(a[k]));
      expect(buildEstate({ seed: 8 })[k].map((r) => r.arn)).not.toEqual(a[k].map((r) => r.arn));
    }
  });

  it('holds the promised counts per region, with unique names and lower-cased ARNs', () => {
    for (const seed of [0, 42, 99, 4294967295]) {
      const estate = buildEstate({ seed });
      for (const region of SIM_REGIONS) {
        for (const k of kinds) {
          const here = inRegion<{ region: string; name: string; arn: string }>(estate[k], region);
          expect(here, `${seed} ${region} ${k}`).toHaveLength(ML_COUNTS[region][k]);
          expect(new Set(here.map((r) => r.name.toLowerCase())).size).toBe(here.length);
          for (const r of here)
            expect(r.arn).toMatch(
              new RegExp(`^arn:aws:sagemaker:${region}:${SIM_ACCOUNT_ID}:[a-z-]+/[a-z0-9-]+$`),
            );
        }
      }
    }
  });

  it('links endpoints to configs, configs to models, and models to the training job output they serve', () => {
    for (const seed of [0, 42, 99]) {
      const e = buildEstate({ seed });
      const find = <T extends { region: string; name: string }>(list: T[], region: string, name: string) =>
        list.find((x) => x.region === region && x.name === name);
      for (const ep of e.endpoints)
        expect(find(e.endpointConfigs, ep.region, ep.describe.EndpointConfigName)).toBeDefined();
      for (const c of e.endpointConfigs) {
        for (const v of c.describe.ProductionVariants)
          expect(find(e.models, c.region, v.ModelName)).toBeDefined();
      }
      for (const m of e.models) {
        const job = e.trainingJobs.find((j) => j.arn === m.trainedBy);
        if (!m.trainedBy) continue;
        expect(job?.region).toBe(m.region);
        expect(m.describe.PrimaryContainer.ModelDataUrl).toBe(job!.describe.ModelArtifacts!.S3ModelArtifacts);
        expect(
          m.describe.PrimaryContainer.ModelDataUrl.startsWith(
            `${job!.describe.OutputDataConfig.S3OutputPath}/`,
          ),
        ).toBe(true);
      }
      expect(e.models.filter((m) => m.trainedBy)).toHaveLength(e.models.length - SIM_REGIONS.length);
    }
  });

  it('uses epoch-second timestamps', () => {
    const e = buildEstate();
    for (const r of [...e.models, ...e.endpointConfigs, ...e.endpoints, ...e.trainingJobs]) {
      const created = (r.describe as { CreationTime: number }).CreationTime;
      expect(created).toBeGreaterThan(1.6e9);
      expect(created).toBeLessThan(1.8e9);
    }
  });
});
