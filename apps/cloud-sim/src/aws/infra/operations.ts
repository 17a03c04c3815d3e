import type { FaultTargets } from '../../fault-catalog';

/** IAM, S3, KMS, EC2 (VPC endpoints) and STS operations a fault can target, by fault service name. */
export const AWS_INFRA_FAULT_TARGETS: Record<string, FaultTargets> = {};
