import type { FaultTargets } from '../fault-catalog';

/** Azure operations a fault can target, by fault service name (e.g. `azure.ml`). */
export const AZURE_FAULT_TARGETS: Record<string, FaultTargets> = {};
