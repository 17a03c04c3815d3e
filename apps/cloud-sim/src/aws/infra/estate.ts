/** The simulated IAM roles and policies, S3 buckets, KMS keys and VPC endpoints. */
export type AwsInfraEstate = Record<string, never>;

/** `size` is about how many assets to create; undefined builds the small default estate. */
export function buildAwsInfraEstate(_seed: number, _size: number | undefined): AwsInfraEstate {
  return {};
}
