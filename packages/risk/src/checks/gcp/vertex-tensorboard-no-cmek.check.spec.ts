import { vertexTensorboardNoCmek } from './vertex-tensorboard-no-cmek.check';
import { describeEncryptionSpecCheck, tensorboardAsset, wellConfiguredTensorboard } from './testing';

describeEncryptionSpecCheck(vertexTensorboardNoCmek, tensorboardAsset, wellConfiguredTensorboard);
