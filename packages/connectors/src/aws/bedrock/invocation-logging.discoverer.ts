import {
  GetModelInvocationLoggingConfigurationCommand,
  type GetModelInvocationLoggingConfigurationCommandOutput,
} from '@aws-sdk/client-bedrock';
import type { TAssetRecord } from '@aispm/contracts';
import type { AwsTarget, DiscoveryOptions, ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import { bedrockClientFor, callContext, mapFailure } from './bedrock-listing';
import {
  BEDROCK_ASSET_TYPES,
  bucketRelations,
  invocationLoggingNativeId,
  roleRelation,
} from './bedrock-relations.mapper';

const SERVICE = 'bedrock.invocation_logging';
const OPERATION = 'GetModelInvocationLoggingConfiguration';

/**
 * The model invocation logging setting of one region, as one asset whether logging is on or off, so a check
 * can flag a region that logs nothing. Native id: the synthetic
 * `arn:aws:bedrock:<region>:<account>:model-invocation-logging` (the setting has no ARN). Attributes are the
 * response as returned: `{ loggingConfig: {...} }`, or `{}` (no loggingConfig) meaning logging is disabled.
 * Relations: `writes_output` the S3 buckets the logs go to, `uses_role` the CloudWatch delivery role.
 */
export const bedrockInvocationLoggingDiscoverer: ServiceDiscoverer<'aws'> = {
  provider: 'aws',
  service: SERVICE,
  scope: 'regional',
  assetTypes: [BEDROCK_ASSET_TYPES.invocationLogging],
  discover: (target, opts) => discover(target, opts ?? {}),
};

async function* discover(target: AwsTarget, opts: DiscoveryOptions): AsyncGenerator<TAssetRecord[]> {
  const client = bedrockClientFor(target, opts);
  const sendOptions = opts.signal ? { abortSignal: opts.signal } : {};
  const run = () => client.send(new GetModelInvocationLoggingConfigurationCommand({}), sendOptions);
  let output: GetModelInvocationLoggingConfigurationCommandOutput;
  try {
    output = await (opts.limiter ? opts.limiter.run(run) : run());
  } catch (err) {
    throw mapFailure(err, opts, callContext(SERVICE, OPERATION, target));
  }
  const config = output.loggingConfig;
  const nativeId = invocationLoggingNativeId(target.region, target.accountId);
  yield [
    {
      assetType: BEDROCK_ASSET_TYPES.invocationLogging,
      nativeId,
      name: `model-invocation-logging (${target.region})`,
      region: target.region,
      attributes: toAssetAttributes(output),
      tags: {},
      relations: [
        ...bucketRelations(
          'writes_output',
          ...[
            config?.s3Config?.bucketName,
            config?.cloudWatchConfig?.largeDataDeliveryS3Config?.bucketName,
          ].map((b) => (b ? `s3://${b}` : undefined)),
        ),
        ...roleRelation(config?.cloudWatchConfig?.roleArn),
      ],
    },
  ];
}
