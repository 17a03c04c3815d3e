import { vertexEndpointNoCmek } from './vertex-endpoint-no-cmek.check';
import { describeEncryptionSpecCheck, endpointAsset, wellConfiguredEndpoint } from './testing';

describeEncryptionSpecCheck(vertexEndpointNoCmek, endpointAsset, wellConfiguredEndpoint);
