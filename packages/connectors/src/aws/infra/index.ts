import type { ServiceDiscoverer } from '../../types';
import { ec2InstancesDiscoverer } from './ec2-instances.discoverer';
import { ec2VpcEndpointsDiscoverer } from './ec2-vpc-endpoints.discoverer';
import { iamPoliciesDiscoverer } from './iam-policies.discoverer';
import { iamRolesDiscoverer } from './iam-roles.discoverer';
import { iamUsersDiscoverer } from './iam-users.discoverer';
import { kmsKeysDiscoverer } from './kms-keys.discoverer';
import { s3BucketsDiscoverer } from './s3-buckets.discoverer';

export { AWS_INFRA_READ_ACTIONS } from './permissions';

/**
 * The infrastructure AI assets point at: IAM roles, users and policies and S3 buckets (global: once per account),
 * KMS keys, VPC endpoints and EC2 instances (per region).
 */
export const awsInfraDiscoverers: ServiceDiscoverer<'aws'>[] = [
  iamRolesDiscoverer,
  iamPoliciesDiscoverer,
  iamUsersDiscoverer,
  s3BucketsDiscoverer,
  kmsKeysDiscoverer,
  ec2VpcEndpointsDiscoverer,
  ec2InstancesDiscoverer,
];
