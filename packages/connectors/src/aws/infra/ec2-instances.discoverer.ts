import {
  DescribeImagesCommand,
  paginateDescribeInstances,
  type Image,
  type Instance,
} from '@aws-sdk/client-ec2';
import type { TAssetRecord } from '@aispm/contracts';
import type { ServiceDiscoverer } from '../../types';
import { tagsToRecord, toAssetAttributes } from '../aws-attributes.mapper';
import { ec2Arn, ec2ClientFor, nameTag } from './ec2-vpc-endpoints.discoverer';
import {
  errorName,
  infraDiscoverer,
  isAccessDenied,
  type InfraRun,
  type UnreadableField,
} from './infra-discoverer.util';

export const EC2_INSTANCE_ASSET_TYPE = 'aws.ec2.instance';
/** DescribeInstances refuses MaxResults below 5. */
const MIN_PAGE_SIZE = 5;

/**
 * EC2 instances of one region (DescribeInstances page by page), each with the name and description of its AMI
 * (one DescribeImages per page, filtered by image id so a deregistered AMI is simply missing): the AMI and
 * Name tag are what reveal self-hosted model servers (vLLM, TGI, Triton, Ollama). Attributes keep
 * MetadataOptions (HttpTokens optional = IMDSv1), public IP, security groups and instance profile as returned;
 * a terminated instance without them has them absent. nativeId is the instance ARN built from its id.
 */
export const ec2InstancesDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'ec2.instances',
  assetType: EC2_INSTANCE_ASSET_TYPE,
  scope: 'regional',
  iamPrefix: 'ec2',
  listOperation: 'DescribeInstances',
  async *run(ctx) {
    const client = ec2ClientFor(ctx);
    const pageSize = Math.max(MIN_PAGE_SIZE, ctx.pageSize);
    for await (const page of paginateDescribeInstances({ client, pageSize }, {}, ctx.sendOptions)) {
      const listed = (page.Reservations ?? []).flatMap((r) =>
        (r.Instances ?? []).map((instance) => ({
          instance,
          reservationId: r.ReservationId,
          ownerId: r.OwnerId,
        })),
      );
      const images = await imagesOf(
        ctx,
        listed.map((l) => l.instance),
      );
      yield listed.flatMap(({ instance, reservationId, ownerId }) => {
        const record = toRecord(ctx, instance, reservationId, ownerId, images);
        return record ? [record] : [];
      });
    }
  },
});

interface ImageLookup {
  byId: Map<string, Image>;
  unreadable?: UnreadableField;
}

async function imagesOf(ctx: InfraRun, instances: readonly Instance[]): Promise<ImageLookup> {
  const ids = [...new Set(instances.map((i) => i.ImageId).filter((id): id is string => !!id))];
  if (ids.length === 0) return { byId: new Map() };
  try {
    const out = await ctx.limit(() =>
      ec2ClientFor(ctx).send(
        new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: ids }] }),
        ctx.sendOptions,
      ),
    );
    return { byId: new Map((out.Images ?? []).flatMap((i) => (i.ImageId ? [[i.ImageId, i] as const] : []))) };
  } catch (err) {
    if (isAccessDenied(err)) {
      return {
        byId: new Map(),
        unreadable: { field: 'Image', operation: 'DescribeImages', error: errorName(err) ?? 'AccessDenied' },
      };
    }
    throw ctx.fail(err, 'DescribeImages');
  }
}

function toRecord(
  ctx: InfraRun,
  instance: Instance,
  reservationId: string | undefined,
  ownerId: string | undefined,
  images: ImageLookup,
): TAssetRecord | null {
  if (!instance.InstanceId) return null;
  const { Tags, ...rest } = instance;
  const tags = tagsToRecord(Tags);
  const image = instance.ImageId ? images.byId.get(instance.ImageId) : undefined;
  return {
    assetType: EC2_INSTANCE_ASSET_TYPE,
    nativeId: ec2Arn(ctx.target, ownerId, 'instance', instance.InstanceId),
    name: nameTag(tags) ?? instance.InstanceId,
    region: ctx.target.region,
    attributes: {
      ...toAssetAttributes(rest),
      ...(reservationId !== undefined && { ReservationId: reservationId }),
      ...(ownerId !== undefined && { OwnerId: ownerId }),
      ...(image && {
        Image: toAssetAttributes({
          Name: image.Name,
          Description: image.Description,
          OwnerId: image.OwnerId,
        }),
      }),
      ...(images.unreadable && { unreadable: [images.unreadable] }),
    },
    tags,
    relations: [],
  };
}
