import { describeWorkbenchMetadataCheck } from './testing';
import { workbenchInstanceFileDownloadEnabled } from './workbench-instance-file-download-enabled.check';

describeWorkbenchMetadataCheck(workbenchInstanceFileDownloadEnabled, 'notebook-disable-downloads');
