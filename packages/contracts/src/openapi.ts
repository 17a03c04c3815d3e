import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ZProblem } from './common';
import { routes, type RouteContract } from './routes';

/** Builds the OpenAPI 3.1 document from the route table, so the docs cannot drift from what the API parses. */
export function buildOpenApiDocument(info: { title: string; version: string; description?: string }) {
  const registry = new OpenAPIRegistry();
  for (const [operationId, r] of Object.entries(routes) as [string, RouteContract][]) {
    registry.registerPath({
      operationId,
      method: r.method,
      path: r.path,
      summary: r.summary,
      tags: [r.tag],
      request: {
        ...(r.params ? { params: r.params } : {}),
        ...(r.query ? { query: r.query } : {}),
        ...(r.body ? { body: { content: { 'application/json': { schema: r.body } } } } : {}),
      },
      responses: {
        [r.status]: { description: 'OK', content: { 'application/json': { schema: r.response } } },
        default: {
          description: 'Error (RFC 9457)',
          content: { 'application/problem+json': { schema: ZProblem } },
        },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info,
  });
}
