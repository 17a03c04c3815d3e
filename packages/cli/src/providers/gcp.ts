import { UsageError, type ProviderParser } from './options';

export const GCP_USAGE =
  'aispm discover --provider gcp --project ID [--region R]... [--endpoint URL] [--ca-file PEM] --format json\n' +
  '       credentials come from the service-account key file named by GOOGLE_APPLICATION_CREDENTIALS';

export const parseGcpFlags: ProviderParser = () => {
  throw new UsageError('--provider gcp is not available in this version yet; use --provider aws');
};
