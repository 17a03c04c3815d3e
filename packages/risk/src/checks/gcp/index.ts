import type { CheckDefinition } from '../../check';

/** Google Cloud Vertex AI, Workbench and Gemini API checks. */
export const gcpChecks: readonly CheckDefinition[] = [];
