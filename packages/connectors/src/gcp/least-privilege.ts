/**
 * Every Google IAM permission the Google Cloud discoverers call, and nothing else: read-only listings of Vertex
 * AI, Workbench (Notebooks API v2), Cloud Storage buckets and their IAM policies, and enabled services.
 */
export const GCP_READ_PERMISSIONS = [
  'aiplatform.customJobs.list',
  'aiplatform.datasets.list',
  'aiplatform.endpoints.list',
  'aiplatform.featurestores.list',
  'aiplatform.indexEndpoints.list',
  'aiplatform.models.list',
  'aiplatform.notebookRuntimes.list',
  'aiplatform.pipelineJobs.list',
  'aiplatform.tensorboards.list',
  'notebooks.instances.list',
  'serviceusage.services.list',
  'storage.buckets.getIamPolicy',
  'storage.buckets.list',
] as const;

export type GcpReadPermission = (typeof GCP_READ_PERMISSIONS)[number];

/** A project-level custom role (IAM `roles.create` body) granting exactly GCP_READ_PERMISSIONS. */
export interface GcpCustomRole {
  title: string;
  description: string;
  includedPermissions: string[];
  stage: 'GA';
}

/**
 * The custom role to create in the project (`gcloud iam roles create aispmReader --project P --file role.json`)
 * and grant to the scanning service account.
 */
export function gcpReaderCustomRole(): GcpCustomRole {
  return {
    title: 'AISPM Reader',
    description:
      'Read-only inventory of AI resources for AISPM: Vertex AI, Workbench instances, Cloud Storage buckets and ' +
      'their IAM policies, enabled services.',
    includedPermissions: [...GCP_READ_PERMISSIONS],
    stage: 'GA',
  };
}
