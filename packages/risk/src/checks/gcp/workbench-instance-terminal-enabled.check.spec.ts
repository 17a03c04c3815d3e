import { describeWorkbenchMetadataCheck } from './testing';
import { workbenchInstanceTerminalEnabled } from './workbench-instance-terminal-enabled.check';

describeWorkbenchMetadataCheck(workbenchInstanceTerminalEnabled, 'notebook-disable-terminal');
