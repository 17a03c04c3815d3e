import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from '@nestjs/common';
import type { RouteContract } from '@aispm/contracts';

export const ROUTE_CONTRACT = Symbol('ROUTE_CONTRACT');

const METHODS = { get: Get, post: Post, put: Put, patch: Patch, delete: Delete } as const;

/**
 * Binds a controller method to its entry in the route table: HTTP method, path, status, and the access rule
 * the AuthGuard enforces. The route table is also what the OpenAPI document and the authorization matrix
 * test are generated from, so the three cannot disagree.
 */
export function Endpoint(route: RouteContract): MethodDecorator {
  const path = route.path.replace(/\{(\w+)\}/g, ':$1');
  return applyDecorators(
    METHODS[route.method](path),
    HttpCode(route.status),
    SetMetadata(ROUTE_CONTRACT, route),
  );
}
