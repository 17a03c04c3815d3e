import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, ZFrameworkSummary, ZProblem, type TFrameworkSummary } from '@aispm/contracts';
import { ApiError, apiDelete, apiGet } from './client';
import { useKeysetPages } from './keyset-pages.hooks';
import { selectedOrganization } from './selected-organization';

/** Compliance query keys share one prefix, so an upload or a deletion refreshes every compliance view. */
export const complianceKeys = {
  all: ['compliance'] as const,
  frameworks: ['compliance', 'frameworks'] as const,
  framework: (key: string, accountId: string | undefined) =>
    ['compliance', 'framework', key, accountId ?? 'all'] as const,
  controlAssets: (key: string, controlId: string, accountId: string | undefined) =>
    ['compliance', 'assets', key, controlId, accountId ?? 'all'] as const,
};

export function useFrameworks() {
  return useQuery({
    queryKey: complianceKeys.frameworks,
    queryFn: ({ signal }) => apiGet('listFrameworks', { signal }),
    select: (list) => list.items,
  });
}

export function useFramework(key: string, accountId: string | undefined) {
  return useQuery({
    queryKey: complianceKeys.framework(key, accountId),
    queryFn: ({ signal }) => apiGet('getFramework', { params: { key }, query: { accountId }, signal }),
  });
}

export function useControlAssets(key: string, controlId: string, accountId: string | undefined) {
  return useKeysetPages(complianceKeys.controlAssets(key, controlId, accountId), (page, signal) =>
    apiGet('listControlAssets', { params: { key, controlId }, query: { accountId, ...page }, signal }),
  );
}

/** The content type the API reads a framework file as: JSON by its name or type, YAML otherwise. */
export function frameworkContentType(file: Pick<File, 'name' | 'type'>): string {
  return /\.json$/i.test(file.name) || file.type === 'application/json'
    ? 'application/json'
    : 'application/yaml';
}

function readCookie(name: string): string | undefined {
  const part = document.cookie.split(';').find((p) => p.trim().startsWith(`${name}=`));
  return part === undefined ? undefined : decodeURIComponent(part.slice(part.indexOf('=') + 1).trim());
}

/**
 * Sends the file's text as it is (the API client only sends JSON bodies), with the same organization and CSRF
 * headers, and turns a refusal into the API's problem so the form can show its errors verbatim.
 */
async function uploadFramework(file: File): Promise<TFrameworkSummary> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'content-type': frameworkContentType(file),
  };
  const organization = selectedOrganization();
  if (organization) headers['x-org-id'] = organization;
  const csrf = readCookie('aispm_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(routes.createFramework.path, {
    method: 'POST',
    headers,
    body: await file.text(),
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = ZProblem.safeParse(json);
    throw new ApiError(
      problem.success
        ? problem.data
        : {
            type: 'about:blank',
            title: response.statusText || `HTTP ${response.status}`,
            status: response.status,
          },
    );
  }
  return ZFrameworkSummary.parse(json);
}

export function useUploadFramework() {
  const queryClient = useQueryClient();
  return useMutation<TFrameworkSummary, Error, File>({
    mutationFn: uploadFramework,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKeys.all }),
  });
}

export function useDeleteFramework() {
  const queryClient = useQueryClient();
  return useMutation<TFrameworkSummary, Error, { key: string }>({
    mutationFn: ({ key }) => apiDelete('deleteFramework', { params: { key } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKeys.all }),
  });
}
