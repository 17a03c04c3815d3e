import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { z } from 'zod';
import { validationProblem } from './problem';

function parseWith(where: 'body' | 'query' | 'path parameters', schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw validationProblem(where, parsed.error);
  return parsed.data;
}

/** The JSON body, parsed with the contract's zod schema (400 problem+json naming each bad field). */
export const Body = createParamDecorator((schema: z.ZodType, ctx: ExecutionContext) =>
  parseWith('body', schema, ctx.switchToHttp().getRequest<Request>().body),
);

export const Query = createParamDecorator((schema: z.ZodType, ctx: ExecutionContext) =>
  parseWith('query', schema, ctx.switchToHttp().getRequest<Request>().query),
);

export const Params = createParamDecorator((schema: z.ZodType, ctx: ExecutionContext) =>
  parseWith('path parameters', schema, ctx.switchToHttp().getRequest<Request>().params),
);
