import { CUSTOM_FRAMEWORK_LIMITS } from '@aispm/contracts';
import { text, type Request, type Response } from 'express';
import { ProblemException } from '../../common/problem';
import type { FrameworkUpload } from './compliance.service';

export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

// The API's JSON parser has already read a JSON body (within BODY_LIMIT); YAML is read here, after the
// AuthGuard, so only an administrator's request body is ever buffered, up to the framework size limit.
const readYaml = text({ type: YAML_TYPES, limit: CUSTOM_FRAMEWORK_LIMITS.bytes, defaultCharset: 'utf-8' });

/** The uploaded framework file as JSON (already parsed) or YAML text; 415 for any other content type. */
export async function frameworkUpload(req: Request): Promise<FrameworkUpload> {
  if (req.is('application/json')) return { format: 'json', value: req.body as unknown };
  if (req.is(YAML_TYPES)) {
    await new Promise<void>((resolve, reject) =>
      readYaml(req, {} as Response, (err?: unknown) => (err ? reject(err as Error) : resolve())),
    );
    return { format: 'yaml', text: typeof req.body === 'string' ? req.body : '' };
  }
  throw new ProblemException({
    status: 415,
    title: 'Unsupported media type',
    detail:
      'Send the framework file as application/json, or YAML as application/yaml, application/x-yaml or text/yaml.',
  });
}
