import type { ServiceDiscoverer } from '../../types';

/** The infrastructure AI assets point at: IAM roles and policies, S3 buckets, KMS keys, VPC endpoints. */
export const awsInfraDiscoverers: ServiceDiscoverer<'aws'>[] = [];
