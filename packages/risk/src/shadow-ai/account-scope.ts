import type { TProvider } from '@aispm/contracts';

/**
 * The ids an asset's account is known by, lower-cased: the AWS account in its ARN, the Azure subscription in its
 * resource id, the Google Cloud project in its resource name. When the native id names none (an S3 bucket ARN),
 * or names a Google project by number, a connection that covers exactly one scope adds that scope's id: it is
 * the same account. A connection covering several scopes adds nothing, since it cannot say which one.
 */
export function accountScopeOf(
  provider: TProvider,
  nativeId: string,
  connectionScopeIds: readonly string[] = [],
): string[] {
  const out = new Set<string>();
  const id = nativeId.trim();
  if (provider === 'aws') {
    const account = id.startsWith('arn:') ? id.split(':')[4] : undefined;
    if (account && /^\d{12}$/.test(account)) out.add(account);
  } else if (provider === 'azure') {
    const sub = /\/subscriptions\/([^/]+)/i.exec(id)?.[1];
    if (sub) out.add(sub.toLowerCase());
  } else {
    const project = /(?:^|\/)projects\/([^/]+)/.exec(id)?.[1];
    if (project) out.add(project.toLowerCase());
  }
  const single = connectionScopeIds.length === 1 ? connectionScopeIds[0]!.trim().toLowerCase() : undefined;
  if (single && (out.size === 0 || (provider === 'gcp' && [...out].every((p) => /^\d+$/.test(p)))))
    out.add(single);
  return [...out];
}
