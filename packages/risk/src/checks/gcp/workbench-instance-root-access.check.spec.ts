import { describeWorkbenchMetadataCheck } from './testing';
import { workbenchInstanceRootAccess } from './workbench-instance-root-access.check';

describeWorkbenchMetadataCheck(workbenchInstanceRootAccess, 'notebook-disable-root');
