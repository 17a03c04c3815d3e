import type { SeededRandom } from '../seeded-random.util';

// Kept free of imports from estate.ts (which imports the SageMaker builders); the values are the same.
export const ACCOUNT_ID = '123456789012';
export type Region = 'us-east-1' | 'eu-west-1';
export const ML_REGIONS: readonly Region[] = ['us-east-1', 'eu-west-1'];

/** Same fixed "now" as the notebook estate: nothing depends on the clock. */
export const ESTATE_NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
export const DAY_MS = 86_400_000;

export interface SimTagLike {
  Key: string;
  Value: string;
}

export interface VpcConfig {
  SecurityGroupIds: string[];
  Subnets: string[];
}

/** One simulated SageMaker resource: what List, Describe and ListTags answer for it. */
export interface SimResource<D> {
  region: Region;
  name: string;
  /** As SageMaker builds it, with the name lower-cased: never rebuild an ARN from a name. */
  arn: string;
  describe: D;
  tags: SimTagLike[];
}

export const TEAMS = ['data-science', 'risk-analytics', 'ml-platform', 'growth', 'research'] as const;

/** IAM roles SageMaker resources run as (the IAM family may list them). */
export const SAGEMAKER_ROLES = [
  `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonSageMaker-ExecutionRole-20240312T094512`,
  `arn:aws:iam::${ACCOUNT_ID}:role/sagemaker-training-pipeline`,
  `arn:aws:iam::${ACCOUNT_ID}:role/SageMakerFullAccessRole`,
] as const;

/** The S3 buckets SageMaker resources of a region read and write (for the S3 family to list). */
export function sagemakerBuckets(region: Region): { default: string; features: string; raw: string } {
  return {
    default: `sagemaker-${region}-${ACCOUNT_ID}`,
    features: `ml-feature-store-${region}-${ACCOUNT_ID}`,
    raw: `ml-raw-data-${ACCOUNT_ID}`,
  };
}

export function arnOf(region: Region, kind: string, name: string): string {
  return `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:${kind}/${name.toLowerCase()}`;
}

export function kmsKeyArn(rnd: SeededRandom, region: Region): string {
  return `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${uuidFrom(rnd)}`;
}

export function uuidFrom(rnd: SeededRandom): string {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-${rnd.pick(['8', '9', 'a', 'b'])}${rnd.hex(3)}-${rnd.hex(12)}`;
}

export function vpcConfig(rnd: SeededRandom): VpcConfig {
  return {
    SecurityGroupIds: [`sg-0${rnd.hex(16)}`],
    Subnets: [`subnet-0${rnd.hex(16)}`, `subnet-0${rnd.hex(16)}`],
  };
}

/** Most resources carry a team and project tag; about one in five has none. */
export function buildTags(rnd: SeededRandom, project: string): SimTagLike[] {
  if (rnd.chance(0.2)) return [];
  return [
    { Key: 'team', Value: rnd.pick(TEAMS) },
    { Key: 'project', Value: project },
  ];
}

/**
 * Hands out names unique within one region and kind, ignoring case as SageMaker does: a name already taken
 * gets `-2`, `-3`, ... appended. A name never taken comes back unchanged.
 */
export function uniqueNames(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

/**
 * Splits `total` between kinds by weight: each gets at least its minimum, the rounding remainder goes to the
 * `absorb` kind, so the counts add up to exactly `total` whenever the minimums fit.
 */
export function shareOut<K extends string>(
  total: number,
  weights: Readonly<Record<K, number>>,
  minimums: Readonly<Partial<Record<K, number>>>,
  absorb: K,
): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = Math.max(minimums[k] ?? 0, Math.floor((total * weights[k]) / sum));
  const used = keys.reduce((s, k) => s + out[k], 0);
  out[absorb] = Math.max(minimums[absorb] ?? 0, out[absorb] + total - used);
  return out;
}

/** Epoch seconds of a time in the past, `minDays` to `maxDays` before the estate's "now". */
export function pastSeconds(rnd: SeededRandom, minDays: number, maxDays: number): number {
  return (ESTATE_NOW_MS - rnd.int(minDays * DAY_MS, maxDays * DAY_MS)) / 1000;
}
