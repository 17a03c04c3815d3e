import type { SubServer, SubServerOptions } from '../azure/server';

/** Google APIs (Vertex AI, Notebooks, Storage, Service Usage) plus an OAuth token endpoint; null until simulated. */
export function startGcpServer(_options: SubServerOptions): Promise<SubServer | null> {
  return Promise.resolve(null);
}
