import { AwsJsonError } from '../aws-json.protocol';
import type { InfraTag, SimImage, SimInstance, SimVpcEndpoint } from './estate';
import { queryService, type QueryOperation } from './query.service';
import { el, isoMs, leaf, list, pageOf, pageSize, type ErrorDialect } from './xml.protocol';

export const EC2_OPERATIONS = ['DescribeVpcEndpoints', 'DescribeInstances', 'DescribeImages'] as const;
export const EC2_LISTING_OPERATIONS = ['DescribeVpcEndpoints', 'DescribeInstances'] as const;

const EC2_DIALECT: ErrorDialect = {
  throttling: { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
  internal: { status: 500, code: 'InternalError' },
  unknownKey: {
    status: 401,
    code: 'AuthFailure',
    message: 'AWS was not able to validate the provided access credentials',
  },
  badSignature: { status: 401, code: 'AuthFailure' },
  accessDenied: { status: 403, code: 'UnauthorizedOperation' },
};

const invalidParameter = (message: string) => new AwsJsonError(400, 'InvalidParameterValue', message);
const invalidToken = () => new AwsJsonError(400, 'InvalidNextToken', 'The token is invalid');

const items = <T>(name: string, values: readonly T[], render: (v: T) => string) =>
  list(name, values, render, 'item');
const tagSet = (tags: readonly InfraTag[]) =>
  items('tagSet', tags, (t) => leaf('key', t.Key) + leaf('value', t.Value));
const groupSet = (groups: readonly { GroupId: string; GroupName: string }[]) =>
  items('groupSet', groups, (g) => leaf('groupId', g.GroupId) + leaf('groupName', g.GroupName));

/** Values of a list parameter as the EC2 query protocol flattens it: `ImageId.1`, `ImageId.2`, ... */
function listParam(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${name}.${i}`); i++) out.push(params.get(`${name}.${i}`)!);
  return out;
}

/** `Filter.N.Name` / `Filter.N.Value.M` as a map of name to values. */
function filters(params: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 1; params.has(`Filter.${i}.Name`); i++) {
    out.set(params.get(`Filter.${i}.Name`)!, listParam(params, `Filter.${i}.Value`));
  }
  return out;
}

function paged<T>(params: URLSearchParams, all: readonly T[], min: number) {
  const max = pageSize(params.get('MaxResults'), 1000, 1000, invalidParameter);
  if (params.has('MaxResults') && max < min) {
    throw invalidParameter(
      `Value (${max}) for parameter maxResults is invalid. Expecting a value greater than ${min - 1}.`,
    );
  }
  return pageOf(all, params.get('NextToken'), max, invalidToken);
}

const nextToken = (next: string | undefined) => (next ? leaf('nextToken', next) : '');

function endpointXml(e: SimVpcEndpoint, accountId: string): string {
  return [
    leaf('vpcEndpointId', e.VpcEndpointId),
    leaf('vpcEndpointType', e.VpcEndpointType),
    leaf('vpcId', e.VpcId),
    leaf('serviceName', e.ServiceName),
    leaf('state', e.State),
    leaf('policyDocument', e.policyText),
    items('routeTableIdSet', e.RouteTableIds, (id) => id),
    items('subnetIdSet', e.SubnetIds, (id) => id),
    groupSet(e.Groups),
    leaf('ipAddressType', e.VpcEndpointType === 'Interface' ? 'ipv4' : undefined),
    leaf('privateDnsEnabled', e.PrivateDnsEnabled),
    leaf('requesterManaged', false),
    items('networkInterfaceIdSet', e.NetworkInterfaceIds, (id) => id),
    leaf('creationTimestamp', isoMs(e.CreationTimestampMs)),
    e.tags.length > 0 ? tagSet(e.tags) : '',
    leaf('ownerId', accountId),
  ].join('');
}

function instanceXml(i: SimInstance): string {
  return [
    leaf('instanceId', i.InstanceId),
    leaf('imageId', i.ImageId),
    el('instanceState', leaf('code', i.State.Code), leaf('name', i.State.Name)),
    leaf(
      'privateDnsName',
      i.PrivateIpAddress ? `ip-${i.PrivateIpAddress.replace(/\./g, '-')}.ec2.internal` : '',
    ),
    leaf(
      'dnsName',
      i.PublicIpAddress ? `ec2-${i.PublicIpAddress.replace(/\./g, '-')}.compute-1.amazonaws.com` : '',
    ),
    leaf('keyName', i.KeyName),
    leaf('amiLaunchIndex', 0),
    leaf('instanceType', i.InstanceType),
    leaf('launchTime', isoMs(i.LaunchTimeMs)),
    el(
      'placement',
      leaf('availabilityZone', i.AvailabilityZone),
      leaf('groupName', ''),
      leaf('tenancy', 'default'),
    ),
    el('monitoring', leaf('state', 'disabled')),
    leaf('subnetId', i.SubnetId),
    leaf('vpcId', i.VpcId),
    leaf('privateIpAddress', i.PrivateIpAddress),
    leaf('ipAddress', i.PublicIpAddress),
    groupSet(i.SecurityGroups),
    leaf('architecture', 'x86_64'),
    leaf('rootDeviceType', 'ebs'),
    leaf('rootDeviceName', '/dev/sda1'),
    i.IamInstanceProfile &&
      el('iamInstanceProfile', leaf('arn', i.IamInstanceProfile.Arn), leaf('id', i.IamInstanceProfile.Id)),
    i.tags.length > 0 ? tagSet(i.tags) : '',
    i.MetadataOptions &&
      el(
        'metadataOptions',
        leaf('state', 'applied'),
        leaf('httpTokens', i.MetadataOptions.HttpTokens),
        leaf('httpPutResponseHopLimit', i.MetadataOptions.HttpTokens === 'required' ? 2 : 1),
        leaf('httpEndpoint', i.MetadataOptions.HttpEndpoint),
        leaf('httpProtocolIpv6', 'disabled'),
        leaf('instanceMetadataTags', 'disabled'),
      ),
  ]
    .filter((s) => typeof s === 'string')
    .join('');
}

function imageXml(image: SimImage, accountId: string): string {
  return [
    leaf('imageId', image.ImageId),
    leaf('imageLocation', `${accountId}/${image.Name}`),
    leaf('imageState', 'available'),
    leaf('imageOwnerId', accountId),
    leaf('isPublic', false),
    leaf('architecture', 'x86_64'),
    leaf('imageType', 'machine'),
    leaf('name', image.Name),
    leaf('description', image.Description),
    leaf('rootDeviceType', 'ebs'),
    leaf('virtualizationType', 'hvm'),
  ].join('');
}

const operations: Record<(typeof EC2_OPERATIONS)[number], QueryOperation> = {
  DescribeVpcEndpoints: (params, call) => {
    const all = call.estate.awsInfra.vpcEndpoints[call.region] ?? [];
    const page = paged(params, all, 1);
    return (
      items('vpcEndpointSet', page.items, (e) => endpointXml(e, call.estate.accountId)) + nextToken(page.next)
    );
  },
  DescribeInstances: (params, call) => {
    const all = call.estate.awsInfra.instances[call.region] ?? [];
    const page = paged(params, all, 5);
    return (
      items('reservationSet', page.items, (i) =>
        [
          leaf('reservationId', i.ReservationId),
          leaf('ownerId', call.estate.accountId),
          items('groupSet', [], () => ''),
          items('instancesSet', [i], instanceXml),
        ].join(''),
      ) + nextToken(page.next)
    );
  },
  DescribeImages: (params, call) => {
    const images = call.estate.awsInfra.images;
    const ids = listParam(params, 'ImageId');
    const byFilter = filters(params).get('image-id');
    let found: SimImage[];
    if (ids.length > 0) {
      const missing = ids.filter((id) => !images.has(id));
      // Asked by id, EC2 fails on an image that does not exist (deregistered); a filter just leaves it out.
      if (missing.length > 0) {
        throw new AwsJsonError(
          400,
          'InvalidAMIID.NotFound',
          `The image id '[${missing.join(', ')}]' does not exist`,
        );
      }
      found = ids.map((id) => images.get(id)!);
    } else if (byFilter) {
      found = byFilter.flatMap((id) => images.get(id) ?? []);
    } else {
      found = [...images.values()];
    }
    return items('imagesSet', found, (i) => imageXml(i, call.estate.accountId));
  },
};

/** Amazon EC2 (VPC endpoints, instances and their AMIs): the EC2 query protocol. */
export const ec2Service = queryService({
  signingName: 'ec2',
  faultService: 'ec2',
  actionPrefix: 'ec2',
  xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  version: '2016-11-15',
  flavour: 'ec2',
  dialect: EC2_DIALECT,
  operations,
  listingOperations: EC2_LISTING_OPERATIONS,
});
