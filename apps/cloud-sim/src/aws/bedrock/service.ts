import { AwsJsonError } from '../aws-json.protocol';
import { sendJsonProtocolError, type AwsService } from '../services';

/** Amazon Bedrock (control plane `bedrock` and agents `bedrock-agent` both sign as `bedrock`): REST-JSON. */
export const bedrockService: AwsService = {
  signingName: 'bedrock',
  handle: () =>
    Promise.reject(new AwsJsonError(404, 'UnknownOperationException', 'Bedrock is not simulated yet')),
  sendError: sendJsonProtocolError,
};
