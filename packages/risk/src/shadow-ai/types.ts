import type { TProvider, TSanctionedAiKind } from '@aispm/contracts';

/** An inventory asset as the shadow-AI rules see it: attributes exactly as the cloud returned them. */
export interface ShadowAssetInput {
  provider: TProvider;
  assetType: string;
  nativeId: string;
  name: string;
  region: string;
  /**
   * The ids the asset's AWS account, Azure subscription or Google Cloud project is known by (from its native
   * id, see `accountScopeOf`); empty when unknown, and then no account verdict is given.
   */
  accountScope: readonly string[];
  attributes: Record<string, unknown>;
  tags: Record<string, string>;
}

/** One register entry; `value` is lower-cased (the API stores it so). */
export interface SanctionedEntry {
  kind: TSanctionedAiKind;
  provider: TProvider;
  value: string;
}

/** A field of the asset and the string found there; `path` reads like `attributes.PrimaryContainer.Image`. */
export interface FieldValue {
  path: string;
  value: string;
}
