import { UsageError, type ProviderParser } from './options';

export const AZURE_USAGE =
  'aispm discover --provider azure --subscription ID [--endpoint URL] [--authority-host URL] [--ca-file PEM] --format json\n' +
  '       credentials come from AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET';

export const parseAzureFlags: ProviderParser = () => {
  throw new UsageError('--provider azure is not available in this version yet; use --provider aws');
};
