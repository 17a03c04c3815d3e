import { AwsJsonError } from './aws/aws-json.protocol';
import { SIMULATED_SERVICES } from './fault-catalog';
import { deriveSeed, seededRandom, type SeededRandom } from './seeded-random.util';

export { SIMULATED_SERVICES } from './fault-catalog';
/** A fault service name: a key of SIMULATED_SERVICES (`sagemaker`, `bedrock`, `azure.ml`, ...). */
export type SimulatedService = string;

interface FaultTarget {
  service: SimulatedService;
  /** One operation, e.g. `ListNotebookInstances`; every operation of the service when absent. */
  operation?: string;
}

/** One injected misbehaviour. Rules apply in order; latencies add up and the first error wins. */
export type FaultRule = FaultTarget &
  (
    | { kind: 'throttle'; /** probability in [0, 1] */ rate: number }
    | { kind: 'internal'; /** probability in [0, 1] */ rate: number }
    | { kind: 'latency'; ms: number }
    | { kind: 'fail-page'; /** 1-based page of a listing that always fails with a 500 */ page: number }
  );

export type FaultConfig = readonly FaultRule[];

/** Throws a readable error when a rule could never apply as written (a typo must not be silently ignored). */
export function validateFaultRule(rule: FaultRule): void {
  const targets = Object.hasOwn(SIMULATED_SERVICES, rule.service)
    ? SIMULATED_SERVICES[rule.service]
    : undefined;
  if (!targets)
    throw new Error(`unknown service '${rule.service}' (known: ${Object.keys(SIMULATED_SERVICES)})`);
  const { operations, listingOperations } = targets;
  if (rule.operation !== undefined && !operations.includes(rule.operation)) {
    throw new Error(
      `unknown ${rule.service} operation '${rule.operation}' (known: ${operations.join(', ')})`,
    );
  }
  switch (rule.kind) {
    case 'throttle':
    case 'internal':
      if (!(rule.rate >= 0 && rule.rate <= 1))
        throw new Error(`${rule.kind} rate must be from 0 to 1, got ${rule.rate}`);
      return;
    case 'latency':
      if (!(Number.isInteger(rule.ms) && rule.ms >= 0 && rule.ms <= 60_000)) {
        throw new Error(`latency must be whole milliseconds from 0 to 60000, got ${rule.ms}`);
      }
      return;
    case 'fail-page':
      if (!(Number.isInteger(rule.page) && rule.page >= 1))
        throw new Error(`fail-page needs a page >= 1, got ${rule.page}`);
      if (rule.operation !== undefined && !listingOperations.includes(rule.operation)) {
        throw new Error(
          `fail-page applies to paged listings (${listingOperations.join(', ')}), not ${rule.operation}`,
        );
      }
      return;
    default:
      throw new Error(`unknown fault kind '${(rule as { kind: string }).kind}'`);
  }
}

/**
 * Parses a CLI fault spec `<service>[.<Operation>]:<kind>:<value>`, e.g. `sagemaker:throttle:0.3`,
 * `sagemaker.DescribeNotebookInstance:internal:0.1`, `sagemaker:latency:250`, `sagemaker:fail-page:2`.
 */
export function parseFaultSpec(spec: string): FaultRule {
  const parts = spec.split(':');
  if (parts.length !== 3) {
    throw new Error(
      `fault '${spec}' must look like <service>[.<Operation>]:<kind>:<value>, e.g. sagemaker:throttle:0.3`,
    );
  }
  const [target, kind, raw] = parts as [string, string, string];
  // Service names may hold a dot themselves (`azure.ml`): the operation is what follows the last dot
  // when the part before it is a known service.
  const [service, operation] = splitTarget(target);
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  const base = { service, ...(operation !== undefined && { operation }) };
  let rule: FaultRule;
  switch (kind) {
    case 'throttle':
    case 'internal':
      rule = { ...base, kind, rate: value };
      break;
    case 'latency':
      rule = { ...base, kind, ms: value };
      break;
    case 'fail-page':
      rule = { ...base, kind, page: value };
      break;
    default:
      throw new Error(`fault '${spec}': unknown kind '${kind}' (throttle, internal, latency, fail-page)`);
  }
  try {
    validateFaultRule(rule);
  } catch (err) {
    throw new Error(`fault '${spec}': ${(err as Error).message}`);
  }
  return rule;
}

export interface FaultDecision {
  latencyMs: number;
  error?: AwsJsonError;
  /** Short names of the faults that fired, for the request log. */
  fired: string[];
}

/**
 * Decides, request by request, which faults fire. Each rule draws from its own stream derived from the
 * simulator seed, so a given seed and request order always gives the same decisions, and one rule's draws
 * do not shift another's.
 */
export class FaultInjector {
  private readonly rules: { rule: FaultRule; random: SeededRandom }[];

  constructor(config: FaultConfig, seed: number) {
    config.forEach(validateFaultRule);
    this.rules = config.map((rule, i) => ({ rule, random: seededRandom(deriveSeed(seed, `fault:${i}`)) }));
  }

  /** `page` is the 1-based page a listing request asks for; undefined for other requests. */
  decide(service: SimulatedService, operation: string, page: number | undefined): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, fired: [] };
    for (const { rule, random } of this.rules) {
      if (rule.service !== service || (rule.operation !== undefined && rule.operation !== operation))
        continue;
      if (rule.kind === 'latency') {
        decision.latencyMs += rule.ms;
        decision.fired.push('latency');
        continue;
      }
      const error = errorFor(rule, random, page);
      if (error && !decision.error) {
        decision.error = error;
        decision.fired.push(rule.kind);
      }
    }
    return decision;
  }
}

function errorFor(rule: FaultRule, random: SeededRandom, page: number | undefined): AwsJsonError | undefined {
  switch (rule.kind) {
    case 'throttle':
      return random.chance(rule.rate)
        ? new AwsJsonError(400, 'ThrottlingException', 'Rate exceeded')
        : undefined;
    case 'internal':
      return random.chance(rule.rate) ? internalFailure() : undefined;
    case 'fail-page':
      return page === rule.page ? internalFailure() : undefined;
    case 'latency':
      return undefined;
  }
}

function internalFailure(): AwsJsonError {
  return new AwsJsonError(
    500,
    'InternalFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
  );
}

function splitTarget(target: string): [string, string | undefined] {
  if (Object.hasOwn(SIMULATED_SERVICES, target)) return [target, undefined];
  const dot = target.lastIndexOf('.');
  if (dot < 0) return [target, undefined];
  return [target.slice(0, dot), target.slice(dot + 1)];
}
