import type { CheckDefinition } from '../../../check';

/** Amazon Bedrock checks. */
export const bedrockChecks: readonly CheckDefinition[] = [];
