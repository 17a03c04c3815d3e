import { jobDefinitions, type AnyJobDefinition } from '@aispm/jobs';
import type { JobHandler } from './handler';

export class HandlerRegistryError extends Error {}

/**
 * Maps job names to handlers and refuses to start unless every defined job has exactly one handler
 * (a job without one would sit in Redis forever; two would make the outcome depend on load order).
 */
export function buildHandlerRegistry(
  handlers: readonly JobHandler[],
  definitions: readonly AnyJobDefinition[] = jobDefinitions,
): Map<string, JobHandler> {
  const byName = new Map<string, JobHandler[]>();
  for (const h of handlers) byName.set(h.job.name, [...(byName.get(h.job.name) ?? []), h]);
  const problems: string[] = [];
  for (const def of definitions) {
    const n = byName.get(def.name)?.length ?? 0;
    if (n === 0) problems.push(`job "${def.name}" has no handler`);
    if (n > 1) problems.push(`job "${def.name}" has ${n} handlers`);
  }
  for (const name of byName.keys()) {
    if (!definitions.some((d) => d.name === name)) problems.push(`handler for unknown job "${name}"`);
  }
  if (problems.length) throw new HandlerRegistryError(`Refusing to start: ${problems.join('; ')}`);
  return new Map([...byName].map(([name, [h]]) => [name, h!]));
}
