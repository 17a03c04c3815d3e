import { AWS_JSON_CONTENT_TYPE, AwsJsonError, sendAwsJson, serializationError } from './aws-json.protocol';
import {
  deniedResourceArn,
  handleSageMaker,
  isSageMakerOperation,
  requestedPage,
  type JsonObject,
} from './sagemaker.handler';
import { applyFaults, sendJsonProtocolError, type AwsService } from './services';

/** SageMaker: awsJson1_1, `POST /` with `X-Amz-Target: SageMaker.<Operation>`. */
export const sagemakerService: AwsService = {
  signingName: 'sagemaker',
  sendError: sendJsonProtocolError,
  async handle(call) {
    const { req, res, body, region, identity } = call;
    if (req.method !== 'POST' || call.url.pathname !== '/') {
      throw new AwsJsonError(
        404,
        'UnknownOperationException',
        `SageMaker takes POST /, not ${req.method} ${call.url.pathname}`,
      );
    }
    const target = req.headersDistinct['x-amz-target']?.join(',');
    call.note.target = target;
    const op = target?.startsWith('SageMaker.') ? target.slice('SageMaker.'.length) : '';
    if (!isSageMakerOperation(op)) {
      throw new AwsJsonError(
        400,
        'UnknownOperationException',
        `Unknown operation ${target ?? '(no X-Amz-Target)'}`,
      );
    }
    const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== AWS_JSON_CONTENT_TYPE) {
      throw serializationError(
        `Expected Content-Type ${AWS_JSON_CONTENT_TYPE}, got ${contentType ?? 'none'}`,
      );
    }
    const input = parseJsonObject(body);

    if (!identity.sagemakerAllowed) {
      const action = `sagemaker:${op}`;
      throw new AwsJsonError(
        400,
        'AccessDeniedException',
        `User: ${identity.userArn} is not authorized to perform: ${action} on resource: ${deniedResourceArn(op, input, region)} ` +
          `because no identity-based policy allows the ${action} action`,
      );
    }
    await applyFaults(call, 'sagemaker', op, requestedPage(op, input));
    sendAwsJson(res, 200, handleSageMaker(op, input, { estate: call.estate, region }));
  },
};

/** The request body of an awsJson1_1 call as an object; the SDK sends `{}` for an operation without input. */
export function parseJsonObject(body: Buffer): JsonObject {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw serializationError('Malformed JSON in the request body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw serializationError('The request body must be a JSON object');
  }
  return parsed as JsonObject;
}
