import { UsageError, checkUrlFlag, type ProviderParser, type ProviderUsage } from './options';

export const AWS_USAGE: ProviderUsage = {
  flags: '--provider aws [--endpoint URL] [--region R]...',
  credentials: 'credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN',
};

export const parseAwsFlags: ProviderParser = (flags, env, outbound) => {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new UsageError(
      'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)',
    );
  }
  checkUrlFlag('--endpoint', flags.endpoint);
  const regions = flags.region?.length
    ? flags.region
    : [env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1'];
  const credentials = {
    kind: 'access_key' as const,
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
  return {
    provider: 'aws',
    scope: 'aws',
    regions,
    target: (region) => ({
      provider: 'aws',
      accountId: '',
      region,
      endpoint: flags.endpoint,
      credentials,
      outbound,
    }),
  };
};
