import { vertexCustomJobNoCmek } from './vertex-custom-job-no-cmek.check';
import { describeEncryptionSpecCheck, customJobAsset, wellConfiguredCustomJob } from './testing';

describeEncryptionSpecCheck(vertexCustomJobNoCmek, customJobAsset, wellConfiguredCustomJob);
