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

/** Every error leaves the API as application/problem+json (RFC 9457); internals never reach the client. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = req.originalUrl?.split('?')[0];
    if (req.id !== undefined) problem.requestId = String(req.id);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: problem.requestId }, 'request failed');
    }
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): TProblem {
    if (exception instanceof ProblemException) {
      return { type: 'about:blank', ...exception.problem };
    }
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
    // body-parser errors (malformed JSON, body too large) carry an HTTP status of their own.
    const e = exception as { status?: number; type?: string; message?: string } | undefined;
    if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return {
        type: 'about:blank',
        title: TITLES[e.status] ?? 'Bad request',
        status: e.status,
        detail:
          e.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : e.type === 'entity.too.large'
              ? 'The request body is larger than this API accepts.'
              : (e.message ?? 'Bad request'),
      };
    }
    return { type: 'about:blank', title: TITLES[500]!, status: 500, detail: 'An unexpected error occurred.' };
  }
}
