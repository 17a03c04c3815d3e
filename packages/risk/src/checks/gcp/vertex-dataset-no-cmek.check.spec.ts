import { vertexDatasetNoCmek } from './vertex-dataset-no-cmek.check';
import { describeEncryptionSpecCheck, datasetAsset, wellConfiguredDataset } from './testing';

describeEncryptionSpecCheck(vertexDatasetNoCmek, datasetAsset, wellConfiguredDataset);
