import { type ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { TProblem } from '@aispm/contracts';
import { ProblemException } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** body-parser errors (malformed JSON, body too large) carry an HTTP status and a type of their own. */
export function bodyParserProblem(exception: unknown): TProblem | undefined {
  const e = exception as { status?: unknown; type?: unknown } | undefined;
  if (!e || typeof e.status !== 'number' || typeof e.type !== 'string' || !e.type.startsWith('entity.'))
    return undefined;
  const detail =
    e.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : e.type === 'entity.too.large'
        ? 'The request body is larger than this API accepts.'
        : 'The request body could not be read.';
  return { type: 'about:blank', title: TITLES[e.status] ?? 'Bad request', status: e.status, detail };
}

/** Terminus answers 503 with the state of each dependency; name the ones that are down. */
function healthProblem(exception: unknown): TProblem | undefined {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return undefined;
  const body = exception.getResponse() as { error?: Record<string, { message?: string }> };
  if (typeof body !== 'object' || !body.error) return undefined;
  const down = Object.entries(body.error).map(([name, v]) => (v.message ? `${name} (${v.message})` : name));
  return {
    type: 'about:blank',
    title: TITLES[503]!,
    status: 503,
    detail: `Not ready: ${down.join(', ')} down.`,
  };
}

/** Every error leaves the API as application/problem+json (RFC 9457); internals never reach the client. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    this.render(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }

  render(exception: unknown, req: Request & { id?: unknown }, res: Response): void {
    const problem = this.toProblem(exception);
    problem.instance = req.originalUrl?.split('?')[0];
    if (req.id !== undefined) problem.requestId = String(req.id);
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error({ err: exception, requestId: problem.requestId }, 'request failed');
    }
    if (exception instanceof ProblemException) res.set(exception.headers);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): TProblem {
    if (exception instanceof ProblemException) {
      return { type: 'about:blank', ...exception.problem };
    }
    const parse = bodyParserProblem(exception);
    if (parse) return parse;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'object' && body !== null && 'message' in body
          ? (body as { message: unknown }).message
          : body;
      return {
        type: 'about:blank',
        title: TITLES[status] ?? 'Error',
        status,
        detail: Array.isArray(message) ? message.join('; ') : String(message),
      };
    }
    const health = healthProblem(exception);
    if (health) return health;
    return { type: 'about:blank', title: TITLES[500]!, status: 500, detail: 'An unexpected error occurred.' };
  }
}
