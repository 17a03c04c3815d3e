/**
 * Every IAM action the SageMaker discoverers call, read-only: each kind's List and Describe, ListTags for the
 * tags, and the Describe calls that resolve relations (DescribeModel for endpoint configs, DescribeTrainingJob
 * for models, DescribeEndpointConfig for endpoints, DescribeNotebookInstanceLifecycleConfig for notebooks,
 * DescribeDomain for user profiles, ListModelPackageGroups and DescribeModelPackageGroup for model versions,
 * DescribeEndpoint for monitoring schedules). The e2e test checks this list against the calls a scan makes.
 */
export const SAGEMAKER_READ_ACTIONS = [
  'sagemaker:ListNotebookInstances',
  'sagemaker:DescribeNotebookInstance',
  'sagemaker:ListNotebookInstanceLifecycleConfigs',
  'sagemaker:DescribeNotebookInstanceLifecycleConfig',
  'sagemaker:ListModels',
  'sagemaker:DescribeModel',
  'sagemaker:ListEndpointConfigs',
  'sagemaker:DescribeEndpointConfig',
  'sagemaker:ListEndpoints',
  'sagemaker:DescribeEndpoint',
  'sagemaker:ListTrainingJobs',
  'sagemaker:DescribeTrainingJob',
  'sagemaker:ListDomains',
  'sagemaker:DescribeDomain',
  'sagemaker:ListUserProfiles',
  'sagemaker:DescribeUserProfile',
  'sagemaker:ListProcessingJobs',
  'sagemaker:DescribeProcessingJob',
  'sagemaker:ListModelPackageGroups',
  'sagemaker:DescribeModelPackageGroup',
  'sagemaker:ListModelPackages',
  'sagemaker:DescribeModelPackage',
  'sagemaker:ListFeatureGroups',
  'sagemaker:DescribeFeatureGroup',
  'sagemaker:ListPipelines',
  'sagemaker:DescribePipeline',
  'sagemaker:ListMonitoringSchedules',
  'sagemaker:DescribeMonitoringSchedule',
  'sagemaker:ListTags',
] as const;
