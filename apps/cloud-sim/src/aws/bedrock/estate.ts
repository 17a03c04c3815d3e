/** The simulated Bedrock estate (custom and imported models, guardrails, agents, knowledge bases, logging). */
export type BedrockEstate = Record<string, never>;

/** `size` is about how many assets to create; undefined builds the small default estate. */
export function buildBedrockEstate(_seed: number, _size: number | undefined): BedrockEstate {
  return {};
}
