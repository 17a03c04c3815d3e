import { AwsJsonError, readAwsJsonCall, sendAwsJson } from './aws-json.protocol';
import { deniedResourceArn, handleSageMaker, isSageMakerOperation, requestedPage } from './sagemaker.handler';
import { applyFaults, sendJsonProtocolError, type AwsService } from './services';

/** SageMaker: awsJson1_1, `POST /` with `X-Amz-Target: SageMaker.<Operation>`. */
export const sagemakerService: AwsService = {
  signingName: 'sagemaker',
  sendError: sendJsonProtocolError,
  async handle(call) {
    const { res, region, identity } = call;
    const { op, input } = readAwsJsonCall(call, {
      name: 'SageMaker',
      targetPrefix: 'SageMaker',
      isOperation: isSageMakerOperation,
    });

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
