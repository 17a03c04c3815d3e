import { HttpException } from '@nestjs/common';
import type { TProblem } from '@aispm/contracts';
import type { z } from 'zod';

/** An error the client can act on, rendered as RFC 9457 problem+json by the ProblemFilter. */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Omit<TProblem, 'type' | 'instance' | 'requestId'> & { type?: string },
    /** Response headers that belong with the problem, such as Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }
}

export function validationProblem(where: string, error: z.ZodError): ProblemException {
  return new ProblemException({
    status: 400,
    title: 'Invalid request',
    detail: `The request ${where} did not validate: ${error.issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; ')}`,
    type: 'https://aispm.dev/problems/validation',
    errors: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

export function notFound(what: string, id: string): ProblemException {
  return new ProblemException({
    status: 404,
    title: 'Not found',
    detail: `No ${what} with id ${id} in this organization.`,
    type: 'https://aispm.dev/problems/not-found',
  });
}
