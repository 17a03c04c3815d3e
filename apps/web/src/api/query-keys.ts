/**
 * Every query key in one place: a finished scan invalidates posture, inventory and findings by prefix,
 * so the prefixes must stay stable.
 */
export const queryKeys = {
  accounts: ['accounts'] as const,
  accountSetup: (provider: string) => ['account-setup', provider] as const,
  scan: (id: string) => ['scans', id] as const,
  posture: ['posture'] as const,
  assets: (filters: object) => ['assets', filters] as const,
  assetsAll: ['assets'] as const,
  asset: (id: string) => ['assets', 'one', id] as const,
  findings: (filters: object) => ['findings', filters] as const,
  findingsAll: ['findings'] as const,
  checks: ['checks'] as const,
  /** Per organization: switching organization asks the API again rather than showing the last answer. */
  me: (organizationId: string | null) => ['me', organizationId ?? 'default'] as const,
  meAll: ['me'] as const,
  members: ['members'] as const,
  invitations: ['invitations'] as const,
  tokens: ['tokens'] as const,
  auditEvents: ['audit-events'] as const,
  ssoStatus: ['sso-status'] as const,
};
