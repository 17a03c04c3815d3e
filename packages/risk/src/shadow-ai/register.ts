import type { TProvider } from '@aispm/contracts';
import type { SanctionedEntry } from './types';

/** `*` matches any run of characters, `?` one; everything else literally; case-insensitive, whole string. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob.toLowerCase()]
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

interface RegionRule {
  /** The service scope (`aws.bedrock`), or undefined for every AI service of the provider. */
  service: string | undefined;
  region: string;
  pattern: RegExp;
}

/** The register, indexed for the rules: what is sanctioned, per provider. */
export interface ShadowRegister {
  services(provider: TProvider): ReadonlySet<string>;
  accounts(provider: TProvider): ReadonlySet<string>;
  models(provider: TProvider): readonly { pattern: string; re: RegExp }[];
  regions(provider: TProvider): readonly RegionRule[];
}

export function compileRegister(entries: readonly SanctionedEntry[]): ShadowRegister {
  const empty = () => ({
    services: new Set<string>(),
    accounts: new Set<string>(),
    models: [] as { pattern: string; re: RegExp }[],
    regions: [] as RegionRule[],
  });
  const by: Record<TProvider, ReturnType<typeof empty>> = { aws: empty(), azure: empty(), gcp: empty() };
  for (const e of entries) {
    const p = by[e.provider];
    const value = e.value.trim().toLowerCase();
    switch (e.kind) {
      case 'service':
        p.services.add(value);
        break;
      case 'account':
        p.accounts.add(value);
        break;
      case 'model':
        p.models.push({ pattern: value, re: globToRegExp(value) });
        break;
      case 'region': {
        const colon = value.indexOf(':');
        const region = colon >= 0 ? value.slice(colon + 1) : value;
        p.regions.push({
          service: colon >= 0 ? value.slice(0, colon) : undefined,
          region,
          pattern: globToRegExp(region),
        });
        break;
      }
    }
  }
  return {
    services: (provider) => by[provider].services,
    accounts: (provider) => by[provider].accounts,
    models: (provider) => by[provider].models,
    regions: (provider) => by[provider].regions,
  };
}
