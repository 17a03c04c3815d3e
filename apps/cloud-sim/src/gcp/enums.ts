import type { GcpJson } from './estate';

/** Enum fields of a resource, by dotted path (arrays are transparent), with their proto numbers. */
export type EnumFields = Readonly<Record<string, Readonly<Record<string, number>>>>;

const ACCELERATOR: Record<string, number> = {
  ACCELERATOR_TYPE_UNSPECIFIED: 0,
  NVIDIA_TESLA_K80: 1,
  NVIDIA_TESLA_P100: 2,
  NVIDIA_TESLA_V100: 3,
  NVIDIA_TESLA_P4: 4,
  NVIDIA_TESLA_T4: 5,
  NVIDIA_TESLA_A100: 8,
  NVIDIA_A100_80GB: 9,
  NVIDIA_L4: 11,
  NVIDIA_H100_80GB: 13,
};
const JOB_STATE: Record<string, number> = {
  JOB_STATE_UNSPECIFIED: 0,
  JOB_STATE_QUEUED: 1,
  JOB_STATE_PENDING: 2,
  JOB_STATE_RUNNING: 3,
  JOB_STATE_SUCCEEDED: 4,
  JOB_STATE_FAILED: 5,
  JOB_STATE_CANCELLING: 6,
  JOB_STATE_CANCELLED: 7,
};
const PIPELINE_STATE: Record<string, number> = {
  PIPELINE_STATE_UNSPECIFIED: 0,
  PIPELINE_STATE_QUEUED: 1,
  PIPELINE_STATE_PENDING: 2,
  PIPELINE_STATE_RUNNING: 3,
  PIPELINE_STATE_SUCCEEDED: 4,
  PIPELINE_STATE_FAILED: 5,
  PIPELINE_STATE_CANCELLING: 6,
  PIPELINE_STATE_CANCELLED: 7,
  PIPELINE_STATE_PAUSED: 8,
};
const WORKBENCH_DISK_TYPE = {
  DISK_TYPE_UNSPECIFIED: 0,
  PD_STANDARD: 1,
  PD_SSD: 2,
  PD_BALANCED: 3,
  PD_EXTREME: 4,
};
const WORKBENCH_DISK_ENCRYPTION = { DISK_ENCRYPTION_UNSPECIFIED: 0, GMEK: 1, CMEK: 2 };

/**
 * The enum fields the simulated resources carry, per response table, numbered as in the official protos
 * (google.cloud.aiplatform.v1, google.cloud.notebooks.v2, google.api.serviceusage.v1).
 */
export const ENUM_FIELDS = {
  endpoints: { 'deployedModels.dedicatedResources.machineSpec.acceleratorType': ACCELERATOR },
  models: {
    supportedDeploymentResourcesTypes: {
      DEPLOYMENT_RESOURCES_TYPE_UNSPECIFIED: 0,
      DEDICATED_RESOURCES: 1,
      AUTOMATIC_RESOURCES: 2,
      SHARED_RESOURCES: 3,
    },
    'modelSourceInfo.sourceType': {
      MODEL_SOURCE_TYPE_UNSPECIFIED: 0,
      AUTOML: 1,
      CUSTOM: 2,
      BQML: 3,
      MODEL_GARDEN: 4,
      GENIE: 5,
      CUSTOM_TEXT_EMBEDDING: 6,
      MARKETPLACE: 7,
    },
  },
  datasets: {},
  featurestores: { state: { STATE_UNSPECIFIED: 0, STABLE: 1, UPDATING: 2 } },
  indexEndpoints: {},
  tensorboards: {},
  notebookRuntimes: {
    healthState: { HEALTH_STATE_UNSPECIFIED: 0, HEALTHY: 1, UNHEALTHY: 2 },
    runtimeState: {
      RUNTIME_STATE_UNSPECIFIED: 0,
      RUNNING: 1,
      BEING_STARTED: 2,
      BEING_STOPPED: 3,
      STOPPED: 4,
      BEING_UPGRADED: 5,
      ERROR: 100,
      INVALID: 101,
    },
    notebookRuntimeType: { NOTEBOOK_RUNTIME_TYPE_UNSPECIFIED: 0, USER_DEFINED: 1, ONE_CLICK: 2 },
    'machineSpec.acceleratorType': ACCELERATOR,
  },
  customJobs: { state: JOB_STATE, 'jobSpec.workerPoolSpecs.machineSpec.acceleratorType': ACCELERATOR },
  pipelineJobs: { state: PIPELINE_STATE },
  workbench: {
    state: {
      STATE_UNSPECIFIED: 0,
      STARTING: 1,
      PROVISIONING: 2,
      ACTIVE: 3,
      STOPPING: 4,
      STOPPED: 5,
      DELETED: 6,
      UPGRADING: 7,
      INITIALIZING: 8,
      SUSPENDING: 9,
      SUSPENDED: 10,
    },
    healthState: {
      HEALTH_STATE_UNSPECIFIED: 0,
      HEALTHY: 1,
      UNHEALTHY: 2,
      AGENT_NOT_INSTALLED: 3,
      AGENT_NOT_RUNNING: 4,
    },
    'gceSetup.bootDisk.diskType': WORKBENCH_DISK_TYPE,
    'gceSetup.bootDisk.diskEncryption': WORKBENCH_DISK_ENCRYPTION,
    'gceSetup.dataDisks.diskType': WORKBENCH_DISK_TYPE,
    'gceSetup.dataDisks.diskEncryption': WORKBENCH_DISK_ENCRYPTION,
    'gceSetup.networkInterfaces.nicType': { NIC_TYPE_UNSPECIFIED: 0, VIRTIO_NET: 1, GVNIC: 2 },
    'gceSetup.acceleratorConfigs.type': {
      ACCELERATOR_TYPE_UNSPECIFIED: 0,
      NVIDIA_TESLA_P100: 2,
      NVIDIA_TESLA_V100: 3,
      NVIDIA_TESLA_P4: 4,
      NVIDIA_TESLA_T4: 5,
      NVIDIA_TESLA_A100: 11,
      NVIDIA_A100_80GB: 12,
      NVIDIA_L4: 13,
    },
  },
  services: { state: { STATE_UNSPECIFIED: 0, DISABLED: 1, ENABLED: 2 } },
} satisfies Record<string, EnumFields>;

/** A copy of `resource` with the listed enum fields as numbers (`$alt=json;enum-encoding=int`). */
export function toIntEnums(resource: GcpJson, fields: EnumFields): GcpJson {
  const paths = Object.keys(fields);
  if (paths.length === 0) return resource;
  const walk = (value: unknown, prefix: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, prefix));
    if (typeof value === 'string') {
      const numbers = fields[prefix];
      if (numbers && Object.hasOwn(numbers, value)) return numbers[value];
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    if (!paths.some((p) => prefix === '' || p.startsWith(`${prefix}.`))) return value;
    const out: GcpJson = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, prefix ? `${prefix}.${k}` : k);
    return out;
  };
  return walk(resource, '') as GcpJson;
}
