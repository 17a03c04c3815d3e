import type { CheckDefinition } from '../../check';

/** Azure Machine Learning and Azure OpenAI / AI Services checks. */
export const azureChecks: readonly CheckDefinition[] = [];
