/** The simulated Azure subscription's AI estate. */
export type AzureEstate = Record<string, never>;

/** `size` is about how many assets to create; undefined builds the small default estate. */
export function buildAzureEstate(_seed: number, _size: number | undefined): AzureEstate {
  return {};
}
