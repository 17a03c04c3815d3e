import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { z } from 'zod';
import { validationProblem } from './problem';

function parseWith(where: 'body' | 'query' | 'path parameters', schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw validationProblem(where, parsed.error);
  return parsed.data;
}

// Nest treats decorator data with a `transform` method as a pipe, and zod schemas have one: wrap the schema.
interface SchemaRef {
  schema: z.ZodType;
}

const BodyParam = createParamDecorator(({ schema }: SchemaRef, ctx: ExecutionContext) =>
  parseWith('body', schema, ctx.switchToHttp().getRequest<Request>().body),
);
const QueryParam = createParamDecorator(({ schema }: SchemaRef, ctx: ExecutionContext) =>
  parseWith('query', schema, ctx.switchToHttp().getRequest<Request>().query),
);
const PathParams = createParamDecorator(({ schema }: SchemaRef, ctx: ExecutionContext) =>
  parseWith('path parameters', schema, ctx.switchToHttp().getRequest<Request>().params),
);

/** The JSON body, parsed with the contract's zod schema (400 problem+json naming each bad field). */
export const Body = (schema: z.ZodType) => BodyParam({ schema });
export const Query = (schema: z.ZodType) => QueryParam({ schema });
export const Params = (schema: z.ZodType) => PathParams({ schema });
