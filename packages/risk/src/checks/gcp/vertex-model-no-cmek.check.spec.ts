import { vertexModelNoCmek } from './vertex-model-no-cmek.check';
import { describeEncryptionSpecCheck, modelAsset, wellConfiguredModel } from './testing';

describeEncryptionSpecCheck(vertexModelNoCmek, modelAsset, wellConfiguredModel);
