import type { CheckDefinition } from '../../../check';
import { sagemakerDomainNoCmk } from './sagemaker-domain-no-cmk.check';
import { sagemakerDomainNotVpcOnly } from './sagemaker-domain-not-vpc-only.check';
import { sagemakerDomainNotebookSharingEnabled } from './sagemaker-domain-notebook-sharing-enabled.check';
import { sagemakerEndpointConfigDataCaptureNoCmk } from './sagemaker-endpoint-config-data-capture-no-cmk.check';
import { sagemakerEndpointConfigNoCmk } from './sagemaker-endpoint-config-no-cmk.check';
import { sagemakerEndpointConfigNoDataCapture } from './sagemaker-endpoint-config-no-data-capture.check';
import { sagemakerEndpointConfigSingleInstance } from './sagemaker-endpoint-config-single-instance.check';
import { sagemakerEndpointNoMonitoringSchedule } from './sagemaker-endpoint-no-monitoring-schedule.check';
import { sagemakerExecutionRoleAdminPolicyAttached } from './sagemaker-execution-role-admin-policy-attached.check';
import { sagemakerExecutionRoleWildcardActions } from './sagemaker-execution-role-wildcard-actions.check';
import { sagemakerFeatureGroupOfflineStoreNoCmk } from './sagemaker-feature-group-offline-store-no-cmk.check';
import { sagemakerFeatureGroupOnlineStoreNoCmk } from './sagemaker-feature-group-online-store-no-cmk.check';
import { sagemakerModelNetworkIsolationDisabled } from './sagemaker-model-network-isolation-disabled.check';
import { sagemakerModelNoVpc } from './sagemaker-model-no-vpc.check';
import { sagemakerModelPackageAutoApproved } from './sagemaker-model-package-auto-approved.check';
import { sagemakerNotebookDeprecatedPlatform } from './sagemaker-notebook-deprecated-platform.check';
import { sagemakerNotebookDirectInternetAccess } from './sagemaker-notebook-direct-internet-access.check';
import { sagemakerNotebookImdsv1Allowed } from './sagemaker-notebook-imdsv1-allowed.check';
import { sagemakerNotebookLifecycleConfigSecretsInScript } from './sagemaker-notebook-lifecycle-config-secrets-in-script.check';
import { sagemakerNotebookNoCmk } from './sagemaker-notebook-no-cmk.check';
import { sagemakerNotebookNoVpc } from './sagemaker-notebook-no-vpc.check';
import { sagemakerNotebookRootAccess } from './sagemaker-notebook-root-access.check';
import { sagemakerNotebookSecretsInLifecycleConfig } from './sagemaker-notebook-secrets-in-lifecycle-config.check';
import { sagemakerPipelineAutoApprovesModels } from './sagemaker-pipeline-auto-approves-models.check';
import { sagemakerProcessingJobNetworkIsolationDisabled } from './sagemaker-processing-job-network-isolation-disabled.check';
import { sagemakerProcessingJobNoVpc } from './sagemaker-processing-job-no-vpc.check';
import { sagemakerProcessingJobVolumeNotEncrypted } from './sagemaker-processing-job-volume-not-encrypted.check';
import { sagemakerTrainingJobIntercontainerEncryptionDisabled } from './sagemaker-training-job-intercontainer-encryption-disabled.check';
import { sagemakerTrainingJobNetworkIsolationDisabled } from './sagemaker-training-job-network-isolation-disabled.check';
import { sagemakerTrainingJobNoVpc } from './sagemaker-training-job-no-vpc.check';
import { sagemakerTrainingJobOutputNotEncrypted } from './sagemaker-training-job-output-not-encrypted.check';
import { sagemakerTrainingJobPublicTrainingData } from './sagemaker-training-job-public-training-data.check';
import { sagemakerTrainingJobVolumeNotEncrypted } from './sagemaker-training-job-volume-not-encrypted.check';

/** Amazon SageMaker checks, in the order findings list them for one asset. */
export const sagemakerChecks: readonly CheckDefinition[] = [
  sagemakerNotebookDirectInternetAccess,
  sagemakerNotebookRootAccess,
  sagemakerNotebookNoCmk,
  sagemakerNotebookNoVpc,
  sagemakerNotebookImdsv1Allowed,
  sagemakerNotebookSecretsInLifecycleConfig,
  sagemakerNotebookDeprecatedPlatform,
  sagemakerNotebookLifecycleConfigSecretsInScript,
  sagemakerModelNetworkIsolationDisabled,
  sagemakerModelNoVpc,
  sagemakerEndpointConfigNoCmk,
  sagemakerEndpointConfigSingleInstance,
  sagemakerEndpointConfigNoDataCapture,
  sagemakerEndpointConfigDataCaptureNoCmk,
  sagemakerEndpointNoMonitoringSchedule,
  sagemakerTrainingJobNetworkIsolationDisabled,
  sagemakerTrainingJobIntercontainerEncryptionDisabled,
  sagemakerTrainingJobNoVpc,
  sagemakerTrainingJobVolumeNotEncrypted,
  sagemakerTrainingJobOutputNotEncrypted,
  sagemakerTrainingJobPublicTrainingData,
  sagemakerProcessingJobNetworkIsolationDisabled,
  sagemakerProcessingJobNoVpc,
  sagemakerProcessingJobVolumeNotEncrypted,
  sagemakerDomainNotVpcOnly,
  sagemakerDomainNoCmk,
  sagemakerDomainNotebookSharingEnabled,
  sagemakerModelPackageAutoApproved,
  sagemakerPipelineAutoApprovesModels,
  sagemakerFeatureGroupOfflineStoreNoCmk,
  sagemakerFeatureGroupOnlineStoreNoCmk,
  sagemakerExecutionRoleWildcardActions,
  sagemakerExecutionRoleAdminPolicyAttached,
];
