import type { Estate } from '../estate';
import type { FaultInjector } from '../fault-injector';

/** A listener of the simulator beside the AWS one. */
export interface SubServer {
  /** Base URL to give the SDK as its endpoint. */
  url: string;
  /** PEM of the self-signed certificate clients must trust (HTTPS listeners). */
  caCertificate?: string;
  /** Where tokens are issued (Azure authority host, Google token_uri). */
  tokenUrl?: string;
  close(): Promise<void>;
}

export interface SubServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  estate: Estate;
  faults: FaultInjector;
  log?: ((line: string) => void) | undefined;
}

/** Azure Resource Manager over HTTPS plus an Entra ID token endpoint; null while Azure is not simulated. */
export function startAzureServer(_options: SubServerOptions): Promise<SubServer | null> {
  return Promise.resolve(null);
}
