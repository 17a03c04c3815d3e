import { has, type CheckResult } from '../../../check';

/** The members of `fields` the object has, as returned. */
export function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => has(source, f)).map((f) => [f, source[f]]));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The s3Configuration of an S3 data source (GetDataSource), or the verdict when there is none to read: unknown
 * when the answer has no dataSourceConfiguration, not_applicable for other kinds (web crawler, Confluence...).
 */
export function s3DataSourceConfiguration(
  attributes: Record<string, unknown>,
): { s3: Record<string, unknown> } | { verdict: CheckResult } {
  if (!has(attributes, 'dataSourceConfiguration')) {
    return { verdict: { status: 'unknown', missing: ['dataSourceConfiguration'] } };
  }
  const config = isRecord(attributes.dataSourceConfiguration) ? attributes.dataSourceConfiguration : {};
  if (config.type !== 'S3') {
    return {
      verdict: {
        status: 'not_applicable',
        reason: `The data source is of type ${String(config.type)}, not S3.`,
      },
    };
  }
  return { s3: isRecord(config.s3Configuration) ? config.s3Configuration : {} };
}
