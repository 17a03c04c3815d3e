import type { FaultTargets } from '../fault-catalog';

/** Google Cloud operations a fault can target, by fault service name (e.g. `gcp.vertex`). */
export const GCP_FAULT_TARGETS: Record<string, FaultTargets> = {};
