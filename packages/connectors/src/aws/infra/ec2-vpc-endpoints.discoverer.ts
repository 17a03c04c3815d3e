import { EC2Client, paginateDescribeVpcEndpoints } from '@aws-sdk/client-ec2';
import type { AwsTarget, ServiceDiscoverer } from '../../types';
import { tagsToRecord, toAssetAttributes } from '../aws-attributes.mapper';
import { awsClientFor, type AwsClientClass } from '../clients';
import { infraDiscoverer, parsePolicyDocument, type InfraRun } from './infra-discoverer.util';

export const VPC_ENDPOINT_ASSET_TYPE = 'aws.ec2.vpc_endpoint';

export function ec2ClientFor(ctx: InfraRun): EC2Client {
  return awsClientFor(EC2Client as AwsClientClass<EC2Client>, ctx.target, {
    maxAttempts: ctx.opts.maxAttempts,
  });
}

/**
 * EC2 returns bare ids (`vpce-...`, `i-...`); the inventory keys assets by ARN, so the ARN is built the way
 * AWS documents it: `arn:aws:ec2:<region>:<owner account>:<kind>/<id>`.
 */
export function ec2Arn(target: AwsTarget, ownerId: string | undefined, kind: string, id: string): string {
  return `arn:aws:ec2:${target.region}:${ownerId ?? target.accountId}:${kind}/${id}`;
}

/** The Name tag, as the console shows it. */
export function nameTag(tags: Record<string, string>): string | undefined {
  return tags.Name || undefined;
}

/**
 * VPC endpoints of one region (DescribeVpcEndpoints page by page): which AWS services (SageMaker API and
 * runtime, Bedrock runtime, S3...) the account reaches privately, and the endpoint policy, parsed.
 * nativeId is the endpoint ARN built from its id (see ec2Arn).
 */
export const ec2VpcEndpointsDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'ec2.vpc_endpoints',
  assetType: VPC_ENDPOINT_ASSET_TYPE,
  scope: 'regional',
  iamPrefix: 'ec2',
  listOperation: 'DescribeVpcEndpoints',
  async *run(ctx) {
    const client = ec2ClientFor(ctx);
    const pages = paginateDescribeVpcEndpoints({ client, pageSize: ctx.pageSize }, {}, ctx.sendOptions);
    for await (const page of pages) {
      yield (page.VpcEndpoints ?? []).flatMap((e) => {
        if (!e.VpcEndpointId) return [];
        const { Tags, PolicyDocument, ...rest } = e;
        const tags = tagsToRecord(Tags);
        return [
          {
            assetType: VPC_ENDPOINT_ASSET_TYPE,
            nativeId: ec2Arn(ctx.target, e.OwnerId, 'vpc-endpoint', e.VpcEndpointId),
            name: nameTag(tags) ?? e.VpcEndpointId,
            region: ctx.target.region,
            attributes: {
              ...toAssetAttributes(rest),
              ...(PolicyDocument !== undefined && { PolicyDocument: parsePolicyDocument(PolicyDocument) }),
            },
            tags,
            relations: [],
          },
        ];
      });
    }
  },
});
