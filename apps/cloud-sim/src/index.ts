export { startSimulator, type RunningSimulator, type SimulatorOptions } from './server';
export {
  buildEstate,
  inRegion,
  notebooksInRegion,
  DEFAULT_NOTEBOOK_COUNT,
  DEFAULT_SEED,
  SIM_ACCOUNT_ID,
  SIM_REGIONS,
  type DescribeNotebookInstanceBody,
  type Estate,
  type EstateOptions,
  type NotebookInstanceStatus,
  type NotebookMisconfiguration,
  type OmittableField,
  type SimNotebook,
  type SimRegion,
  type SimTag,
} from './estate';
export {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
} from './aws/credentials';
export {
  ML_COUNTS,
  type DescribeEndpointBody,
  type DescribeEndpointConfigBody,
  type DescribeModelBody,
  type DescribeTrainingJobBody,
  type MlEstate,
  type SimEndpoint,
  type SimEndpointConfig,
  type SimModel,
  type SimTrainingJob,
} from './ml-estate';
export {
  SAGEMAKER_LISTING_OPERATIONS,
  SAGEMAKER_OPERATIONS,
  type SageMakerOperation,
} from './aws/sagemaker.handler';
export { parseFaultSpec, type FaultConfig, type FaultRule } from './fault-injector';
export {
  AWS_INFRA_COUNTS,
  SIM_BEDROCK_ROLE_ARNS,
  SIM_BUCKETS,
  SIM_SCANNER_EXTERNAL_ID,
  SIM_SCANNER_ROLE_ARN,
} from './aws/infra/estate';
export { BEDROCK_COUNTS } from './aws/bedrock/estate';
export { NOTEBOOK_LIFECYCLE_CONFIG_NAMES } from './aws/sagemaker-studio.estate';
export { sizedMlCounts } from './ml-estate';
export { ESTATE_SHARES, MAX_ESTATE_ASSETS, estateSizes } from './estate';
export {
  SIM_AZURE_CLIENT_ID,
  SIM_AZURE_CLIENT_SECRET,
  SIM_AZURE_NOROLE_CLIENT_ID,
  SIM_AZURE_NOROLE_CLIENT_SECRET,
  SIM_AZURE_SUBSCRIPTION_ID,
  SIM_AZURE_TENANT_ID,
} from './azure/credentials';
export {
  allAzureResources,
  childrenOf,
  SIM_AZURE_LOCATIONS,
  type AzureChildCollection,
  type AzureEstate,
  type SimAzureResource,
} from './azure/estate';
export type { SubServer } from './azure/server';
export { simGcpServiceAccountKey } from './gcp/credentials';
export {
  SIM_GCP_DEFAULT_COMPUTE_SA,
  SIM_GCP_LOCATIONS,
  SIM_GCP_PROJECT_ID,
  SIM_GCP_PROJECT_NUMBER,
  type GcpEstate,
} from './gcp/estate';
export type { GcpSubServer } from './gcp/server';
export { loadSimState, type SimState } from './state';
