import type { CheckDefinition } from '../../../check';
import { sagemakerNotebookDirectInternetAccess } from './sagemaker-notebook-direct-internet-access.check';
import { sagemakerNotebookNoCmk } from './sagemaker-notebook-no-cmk.check';
import { sagemakerNotebookRootAccess } from './sagemaker-notebook-root-access.check';

/** Amazon SageMaker checks, in the order findings list them for one asset. */
export const sagemakerChecks: readonly CheckDefinition[] = [
  sagemakerNotebookDirectInternetAccess,
  sagemakerNotebookRootAccess,
  sagemakerNotebookNoCmk,
];
