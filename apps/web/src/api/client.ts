import { routes, ZProblem, type TProblem, type z } from '@aispm/contracts';
import { selectedOrganization } from './selected-organization';

type Routes = typeof routes;
export type RouteId = keyof Routes;
type RouteIdWithMethod<M extends string> = {
  [K in RouteId]: Routes[K]['method'] extends M ? K : never;
}[RouteId];
export type GetRouteId = RouteIdWithMethod<'get'>;
export type PostRouteId = RouteIdWithMethod<'post'>;
export type DeleteRouteId = RouteIdWithMethod<'delete'>;
export type PatchRouteId = RouteIdWithMethod<'patch'>;

/** What the route's response schema produces: the same type the API serialises. */
export type ResponseOf<K extends RouteId> = z.output<Routes[K]['response']>;
export type BodyOf<K extends RouteId> = Routes[K] extends { body: z.ZodType }
  ? z.input<Routes[K]['body']>
  : never;

type QueryValue = string | number | boolean | readonly string[] | null | undefined;
/** Only the query keys the route declares; lists are sent comma-separated, empty values are left out. */
export type QueryOf<K extends RouteId> = Routes[K] extends { query: z.ZodObject }
  ? { [P in keyof z.input<Routes[K]['query']>]?: QueryValue }
  : never;
type ParamsOf<K extends RouteId> = Routes[K] extends { params: z.ZodObject }
  ? z.input<Routes[K]['params']>
  : never;

type RequestOptions<K extends RouteId> = ([ParamsOf<K>] extends [never]
  ? { params?: undefined }
  : { params: ParamsOf<K> }) &
  ([QueryOf<K>] extends [never] ? { query?: undefined } : { query?: QueryOf<K> }) & { signal?: AbortSignal };
/** Routes with path parameters must be given them; the others may be called without options. */
type OptionsArg<K extends RouteId> = [ParamsOf<K>] extends [never]
  ? [options?: RequestOptions<K>]
  : [options: RequestOptions<K>];

/** An API failure carrying its RFC 9457 problem, so the UI can show `title`, `detail` and per-field `errors`. */
export class ApiError extends Error {
  readonly problem: TProblem;

  constructor(problem: TProblem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** How the console reacts to authentication failures; set once at start-up (app.tsx). */
interface AuthHandlers {
  /** A 401: there is no session, or it ended. Not called for the sign-in request itself. */
  onUnauthorized: () => void;
  /** A 403: the user's role or organizations may have changed since the console last asked. */
  onForbidden: (route: RouteId) => void;
}

let handlers: AuthHandlers = { onUnauthorized: () => undefined, onForbidden: () => undefined };

export function configureApiClient(next: AuthHandlers): void {
  handlers = next;
}

const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const CSRF_COOKIE = 'aispm_csrf';

export function apiGet<K extends GetRouteId>(route: K, ...[options]: OptionsArg<K>): Promise<ResponseOf<K>> {
  return request(route, options ?? {});
}

export function apiPost<K extends PostRouteId>(
  route: K,
  body: BodyOf<K> | undefined,
  ...[options]: OptionsArg<K>
): Promise<ResponseOf<K>> {
  return request(route, options ?? {}, body);
}

export function apiPatch<K extends PatchRouteId>(
  route: K,
  body: BodyOf<K>,
  ...[options]: OptionsArg<K>
): Promise<ResponseOf<K>> {
  return request(route, options ?? {}, body);
}

export function apiDelete<K extends DeleteRouteId>(
  route: K,
  ...[options]: OptionsArg<K>
): Promise<ResponseOf<K>> {
  return request(route, options ?? {});
}

async function request<K extends RouteId>(
  routeId: K,
  options: { params?: Record<string, unknown>; query?: Record<string, QueryValue>; signal?: AbortSignal },
  body?: unknown,
): Promise<ResponseOf<K>> {
  const route: Routes[RouteId] = routes[routeId];
  const url = buildUrl(route.path, options.params, options.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method.toUpperCase(),
      headers: authHeaders(route.method, {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      }),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Cannot reach the API',
      status: 0,
      detail: error instanceof Error ? error.message : String(error),
    });
  }

  if (!response.ok) {
    const error = new ApiError(await readProblem(response));
    // A public route (signing in, accepting an invitation) answers 401 for a wrong password, not a lost session.
    if (error.status === 401 && route.access !== 'public') handlers.onUnauthorized();
    if (error.status === 403) handlers.onForbidden(routeId);
    throw error;
  }

  const json: unknown = await response.json().catch(() => undefined);
  // Parsing with the contract turns API drift into a readable error instead of a blank cell somewhere.
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected response from the API',
      status: response.status,
      detail: `${route.method.toUpperCase()} ${route.path} did not match the contract.`,
      errors: parsed.error.issues.slice(0, 10).map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    });
  }
  return parsed.data as ResponseOf<K>;
}

/**
 * The organization the request acts for, and on state-changing requests the CSRF token: the API compares it
 * with the session's, which another site cannot read from our cookie. It is read per request because signing
 * in again replaces it.
 */
function authHeaders(method: string, headers: Record<string, string>): Record<string, string> {
  const organization = selectedOrganization();
  if (organization) headers['x-org-id'] = organization;
  if (UNSAFE_METHODS.has(method)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  return headers;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

function buildUrl(
  template: string,
  params: Record<string, unknown> | undefined,
  query: Record<string, QueryValue> | undefined,
): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (typeof value !== 'string') throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readProblem(response: Response): Promise<TProblem> {
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const problem = ZProblem.safeParse(json);
  if (problem.success) return problem.data;
  // A gateway error without a problem body comes from the proxy in front of the API, not from the API.
  if (response.status >= 502 && response.status <= 504) {
    return {
      type: 'about:blank',
      title: 'Cannot reach the API',
      status: response.status,
      detail: `The proxy in front of the API answered ${response.status} ${response.statusText}. Check that the API is running.`,
    };
  }
  // Anything else that is not problem+json: keep what it said.
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: text ? text.slice(0, 300) : undefined,
  };
}
