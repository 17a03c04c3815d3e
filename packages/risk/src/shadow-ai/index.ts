export type { SanctionedEntry, ShadowAssetInput, FieldValue } from './types';
export { compileRegister, globToRegExp, type ShadowRegister } from './register';
export { accountScopeOf } from './account-scope';
export { aiServiceOf, GCP_AI_APIS, type AiServiceOf } from './ai-services';
export { modelAliases, modelRefsOf, type ModelRef } from './model-refs';
export {
  modelServerOfImage,
  modelServerOfName,
  modelServersOf,
  parseImageRef,
  type ModelServerSighting,
} from './model-servers';
export { detectShadowAi, detectShadowAiBatch, type ShadowAssetRow } from './detect';
