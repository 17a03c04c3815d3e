import { z } from 'zod';

/** Queues: one per kind of work, so a slow cloud listing never delays scan bookkeeping. */
export const QUEUES = {
  scans: 'aispm-scans',
  discovery: 'aispm-discovery',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  queue: QueueName;
  payload: P;
  attempts: number;
  backoff: { type: 'exponential'; delay: number };
  /** Deterministic id: enqueuing the same work twice while the first is waiting or active is a no-op. */
  jobId(payload: z.infer<P>): string;
}

function defineJob<P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

// Payloads carry ids only; handlers reload state from Postgres (the source of truth).
const ZScanRef = z.object({ tenantId: z.uuid(), scanId: z.uuid() });

export const planScanJob = defineJob({
  name: 'scan.plan',
  queue: QUEUES.scans,
  payload: ZScanRef,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  jobId: (p) => `scan.plan.${p.scanId}`,
});

export const discoverJob = defineJob({
  name: 'discovery.run',
  queue: QUEUES.discovery,
  payload: ZScanRef.extend({ taskId: z.uuid() }),
  attempts: 4,
  backoff: { type: 'exponential', delay: 2000 },
  jobId: (p) => `discovery.run.${p.taskId}`,
});

export const evaluateScanJob = defineJob({
  name: 'scan.evaluate',
  queue: QUEUES.scans,
  payload: ZScanRef,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  jobId: (p) => `scan.evaluate.${p.scanId}`,
});

/** Fired by an account's job scheduler: starts a scan unless one is already running. */
export const scheduledScanJob = defineJob({
  name: 'scan.scheduled',
  queue: QUEUES.scans,
  payload: z.object({ tenantId: z.uuid(), accountId: z.uuid() }),
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  jobId: (p) => `scan.scheduled.${p.accountId}`,
});

/** The job scheduler id of an account's periodic rescan. */
export function accountScheduleId(accountId: string): string {
  return `account-scan.${accountId}`;
}

export const jobDefinitions = [planScanJob, discoverJob, evaluateScanJob, scheduledScanJob] as const;
export type AnyJobDefinition = (typeof jobDefinitions)[number];
export type JobPayload<D extends JobDefinition> = z.infer<D['payload']>;
