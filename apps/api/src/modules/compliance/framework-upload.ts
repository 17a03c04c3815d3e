import { CUSTOM_FRAMEWORK_LIMITS } from '@aispm/contracts';
import { text, type Request, type Response } from 'express';
import { ProblemException } from '../../common/problem';
import type { FrameworkUpload } from './compliance.service';

export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];
const JSON_TYPES = ['application/json'];
/** The API's JSON parser leaves this route's body alone (app.factory.ts): it is read here, as text. */
export const FRAMEWORK_UPLOAD_PATH = '/api/v1/compliance/frameworks';

// Read after the AuthGuard, so only an administrator's request body is ever buffered, up to the framework size
// limit (not the API's smaller BODY_LIMIT), and kept as text so a syntax error can name its line and column.
const readText = text({
  type: [...JSON_TYPES, ...YAML_TYPES],
  limit: CUSTOM_FRAMEWORK_LIMITS.bytes,
  defaultCharset: 'utf-8',
});

/** The uploaded framework file as JSON or YAML text; 415 for any other content type. */
export async function frameworkUpload(req: Request): Promise<FrameworkUpload> {
  const format = req.is(JSON_TYPES) ? 'json' : req.is(YAML_TYPES) ? 'yaml' : null;
  if (format) {
    await new Promise<void>((resolve, reject) =>
      readText(req, {} as Response, (err?: unknown) => (err ? reject(err as Error) : resolve())),
    );
    return { format, text: typeof req.body === 'string' ? req.body : '' };
  }
  throw new ProblemException({
    status: 415,
    title: 'Unsupported media type',
    detail:
      'Send the framework file as application/json, or YAML as application/yaml, application/x-yaml or text/yaml.',
  });
}
