import { vertexFeaturestoreNoCmek } from './vertex-featurestore-no-cmek.check';
import { describeEncryptionSpecCheck, featurestoreAsset, wellConfiguredFeaturestore } from './testing';

describeEncryptionSpecCheck(vertexFeaturestoreNoCmek, featurestoreAsset, wellConfiguredFeaturestore);
