/** The one simulated Entra ID tenant (directory). */
export const SIM_AZURE_TENANT_ID = '5f1a7c3e-2b4d-4e8f-9a01-0c2d3e4f5a6b';
/** The one simulated subscription; every resource of the estate lives in it. */
export const SIM_AZURE_SUBSCRIPTION_ID = '8c0e5a2f-6d1b-4c3e-a7f9-2b4d6e8f0a1c';

/** The demo service principal: holds Reader-like rights on the subscription, so every listing works. */
export const SIM_AZURE_CLIENT_ID = '2d9b4f61-7a3c-4e5d-8b0f-1c2e3a4b5c6d';
/** Deliberately not shaped like a real Entra ID secret (those look like `abc8Q~...`), so scanners never flag it. */
export const SIM_AZURE_CLIENT_SECRET = 'sim-azure-demo-client-secret-not-real';

/** A second principal of the same tenant with no role on the subscription: every ARM call answers 403. */
export const SIM_AZURE_NOROLE_CLIENT_ID = '7e3c1a95-0b2d-4f6e-9c8a-3d5f7b9e1a2c';
export const SIM_AZURE_NOROLE_CLIENT_SECRET = 'sim-azure-norole-client-secret-not-real';

/** A service principal as the simulated Entra ID knows it. */
export interface SimServicePrincipal {
  clientId: string;
  /** Object id of the enterprise application; ARM names it in AuthorizationFailed messages. */
  objectId: string;
  secret: string;
  displayName: string;
  /** Whether a role on the subscription lets it read the estate. */
  canRead: boolean;
}

export const SIM_AZURE_PRINCIPALS: readonly SimServicePrincipal[] = [
  {
    clientId: SIM_AZURE_CLIENT_ID,
    objectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    secret: SIM_AZURE_CLIENT_SECRET,
    displayName: 'aispm-scanner',
    canRead: true,
  },
  {
    clientId: SIM_AZURE_NOROLE_CLIENT_ID,
    objectId: 'f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f',
    secret: SIM_AZURE_NOROLE_CLIENT_SECRET,
    displayName: 'aispm-scanner-no-role',
    canRead: false,
  },
];

export function findPrincipal(clientId: string): SimServicePrincipal | undefined {
  return SIM_AZURE_PRINCIPALS.find((p) => p.clientId.toLowerCase() === clientId.toLowerCase());
}
