import { AwsJsonError } from '../aws-json.protocol';
import { sendJsonProtocolError, type AwsService } from '../services';

const notYet = (signingName: string): AwsService => ({
  signingName,
  handle: () =>
    Promise.reject(new AwsJsonError(400, 'UnknownOperationException', `${signingName} is not simulated yet`)),
  sendError: sendJsonProtocolError,
});

/** IAM (awsQuery), S3 (REST-XML), KMS (awsJson1_1), EC2 (ec2 query) and STS (awsQuery). */
export const awsInfraServices: AwsService[] = [
  notYet('iam'),
  notYet('s3'),
  notYet('kms'),
  notYet('ec2'),
  notYet('sts'),
];
