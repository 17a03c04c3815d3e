import type { FaultTargets } from '../../fault-catalog';

/** Bedrock (control plane and agents) operations a fault can target, by fault service name. */
export const BEDROCK_FAULT_TARGETS: Record<string, FaultTargets> = {};
