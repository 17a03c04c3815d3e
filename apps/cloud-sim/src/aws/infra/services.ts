import type { AwsService } from '../services';
import { ec2Service } from './ec2.service';
import { iamService } from './iam.service';
import { kmsService } from './kms.service';
import { s3Service } from './s3.service';
import { stsService } from './sts.service';

/** IAM (awsQuery), S3 (REST-XML), KMS (awsJson1_1), EC2 (ec2 query) and STS (awsQuery). */
export const awsInfraServices: AwsService[] = [iamService, s3Service, kmsService, ec2Service, stsService];
