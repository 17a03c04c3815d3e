import { BEDROCK_FAULT_TARGETS } from './aws/bedrock/operations';
import { AWS_INFRA_FAULT_TARGETS } from './aws/infra/operations';
import { SAGEMAKER_LISTING_OPERATIONS, SAGEMAKER_OPERATIONS } from './aws/sagemaker.handler';
import { AZURE_FAULT_TARGETS } from './azure/operations';
import { GCP_FAULT_TARGETS } from './gcp/operations';

/** The operations of one simulated service that a fault rule can name. */
export interface FaultTargets {
  operations: readonly string[];
  /** Paged listings: the ones a "fail on page N" fault can target. */
  listingOperations: readonly string[];
}

/**
 * Every service the simulator speaks, by the name fault specs use: `sagemaker`, `bedrock`, `iam`, `s3`, `kms`,
 * `ec2`, `sts`, and the Azure and Google Cloud services (`azure.ml`, `gcp.vertex`, ...).
 */
export const SIMULATED_SERVICES: Readonly<Record<string, FaultTargets>> = {
  sagemaker: { operations: SAGEMAKER_OPERATIONS, listingOperations: SAGEMAKER_LISTING_OPERATIONS },
  ...BEDROCK_FAULT_TARGETS,
  ...AWS_INFRA_FAULT_TARGETS,
  ...AZURE_FAULT_TARGETS,
  ...GCP_FAULT_TARGETS,
};
