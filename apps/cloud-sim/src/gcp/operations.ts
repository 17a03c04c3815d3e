import type { FaultTargets } from '../fault-catalog';

/** Vertex AI list operations, by the REST collection they page through. */
export const VERTEX_LIST_OPERATIONS = {
  endpoints: 'ListEndpoints',
  models: 'ListModels',
  datasets: 'ListDatasets',
  featurestores: 'ListFeaturestores',
  indexEndpoints: 'ListIndexEndpoints',
  tensorboards: 'ListTensorboards',
  notebookRuntimes: 'ListNotebookRuntimes',
  customJobs: 'ListCustomJobs',
  pipelineJobs: 'ListPipelineJobs',
} as const;

const vertexOperations = Object.values(VERTEX_LIST_OPERATIONS);

/**
 * Google Cloud operations a fault can target, by fault service name: `gcp.vertex`, `gcp.notebooks`,
 * `gcp.storage`, `gcp.serviceusage` (e.g. `gcp.vertex.ListModels:fail-page:2`, `gcp.storage:throttle:0.3`).
 * Throttling answers 429 RESOURCE_EXHAUSTED, internal faults 500 INTERNAL.
 */
export const GCP_FAULT_TARGETS: Record<string, FaultTargets> = {
  'gcp.vertex': { operations: vertexOperations, listingOperations: vertexOperations },
  'gcp.notebooks': { operations: ['ListInstances'], listingOperations: ['ListInstances'] },
  'gcp.storage': { operations: ['ListBuckets', 'GetBucketIamPolicy'], listingOperations: ['ListBuckets'] },
  'gcp.serviceusage': { operations: ['ListServices'], listingOperations: ['ListServices'] },
};
