import type { FaultTargets } from '../../fault-catalog';
import { EC2_LISTING_OPERATIONS, EC2_OPERATIONS } from './ec2.service';
import { IAM_LISTING_OPERATIONS, IAM_OPERATIONS } from './iam.service';
import { KMS_LISTING_OPERATIONS, KMS_OPERATIONS } from './kms.service';
import { S3_LISTING_OPERATIONS, S3_OPERATIONS } from './s3.service';
import { STS_OPERATIONS } from './sts.service';

/**
 * IAM, S3, KMS, EC2 (VPC endpoints, instances, images) and STS operations a fault can target, by fault service
 * name. Throttling answers in each protocol's own form: IAM and STS `Throttling` (400), S3 `SlowDown` (503),
 * KMS `ThrottlingException` (400), EC2 `RequestLimitExceeded` (503).
 */
export const AWS_INFRA_FAULT_TARGETS: Record<string, FaultTargets> = {
  iam: { operations: IAM_OPERATIONS, listingOperations: IAM_LISTING_OPERATIONS },
  s3: { operations: S3_OPERATIONS, listingOperations: S3_LISTING_OPERATIONS },
  kms: { operations: KMS_OPERATIONS, listingOperations: KMS_LISTING_OPERATIONS },
  ec2: { operations: EC2_OPERATIONS, listingOperations: EC2_LISTING_OPERATIONS },
  sts: { operations: STS_OPERATIONS, listingOperations: [] },
};
