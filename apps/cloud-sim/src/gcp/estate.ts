/** The simulated Google Cloud project's AI estate. */
export type GcpEstate = Record<string, never>;

/** `size` is about how many assets to create; undefined builds the small default estate. */
export function buildGcpEstate(_seed: number, _size: number | undefined): GcpEstate {
  return {};
}
