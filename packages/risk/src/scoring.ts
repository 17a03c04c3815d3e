import type { TSeverity } from '@aispm/contracts';
import type { CheckAsset } from './check';

const BASE: Record<TSeverity, number> = { critical: 90, high: 70, medium: 50, low: 30, info: 10 };

export interface RiskContext {
  /** The asset can reach or be reached from the internet outside the customer's network controls. */
  internetExposed: boolean | null;
  /** The asset is running now (a stopped notebook cannot be used until someone starts it). */
  running: boolean | null;
}

const RUNNING = new Set(['InService', 'Pending', 'Updating']);
const NOT_RUNNING = new Set(['Stopped', 'Stopping', 'Failed', 'Deleting']);

export function riskContext(asset: CheckAsset): RiskContext {
  const a = asset.attributes;
  const dia = a.DirectInternetAccess;
  const status = typeof a.NotebookInstanceStatus === 'string' ? a.NotebookInstanceStatus : undefined;
  return {
    internetExposed: dia === 'Enabled' ? true : dia === 'Disabled' ? false : null,
    running:
      status === undefined ? null : RUNNING.has(status) ? true : NOT_RUNNING.has(status) ? false : null,
  };
}

/**
 * 0-100 risk of one failed check on one asset: the check's severity, raised when the asset is exposed to the
 * internet and running, lowered when it is stopped. Unknown context leaves the base untouched.
 */
export function riskScore(severity: TSeverity, ctx: RiskContext): number {
  let score = BASE[severity];
  if (ctx.internetExposed === true) score += 10;
  if (ctx.running === true) score += 5;
  if (ctx.running === false) score -= 15;
  return Math.max(1, Math.min(100, score));
}
