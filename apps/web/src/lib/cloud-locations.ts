import type { TProvider } from '@aispm/contracts';

/** A region or location the connect wizard offers, with the name the cloud's own console uses. */
export interface CloudLocation {
  value: string;
  name: string;
}

export const AWS_REGIONS: CloudLocation[] = [
  { value: 'us-east-1', name: 'US East (N. Virginia)' },
  { value: 'us-east-2', name: 'US East (Ohio)' },
  { value: 'us-west-1', name: 'US West (N. California)' },
  { value: 'us-west-2', name: 'US West (Oregon)' },
  { value: 'ca-central-1', name: 'Canada (Central)' },
  { value: 'sa-east-1', name: 'South America (São Paulo)' },
  { value: 'eu-west-1', name: 'Europe (Ireland)' },
  { value: 'eu-west-2', name: 'Europe (London)' },
  { value: 'eu-west-3', name: 'Europe (Paris)' },
  { value: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { value: 'eu-north-1', name: 'Europe (Stockholm)' },
  { value: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { value: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { value: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { value: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { value: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
];

/** Azure locations where Azure Machine Learning or Azure OpenAI run. */
export const AZURE_LOCATIONS: CloudLocation[] = [
  { value: 'eastus', name: 'East US' },
  { value: 'eastus2', name: 'East US 2' },
  { value: 'centralus', name: 'Central US' },
  { value: 'northcentralus', name: 'North Central US' },
  { value: 'southcentralus', name: 'South Central US' },
  { value: 'westus', name: 'West US' },
  { value: 'westus2', name: 'West US 2' },
  { value: 'westus3', name: 'West US 3' },
  { value: 'canadacentral', name: 'Canada Central' },
  { value: 'brazilsouth', name: 'Brazil South' },
  { value: 'northeurope', name: 'North Europe' },
  { value: 'westeurope', name: 'West Europe' },
  { value: 'uksouth', name: 'UK South' },
  { value: 'francecentral', name: 'France Central' },
  { value: 'germanywestcentral', name: 'Germany West Central' },
  { value: 'swedencentral', name: 'Sweden Central' },
  { value: 'switzerlandnorth', name: 'Switzerland North' },
  { value: 'norwayeast', name: 'Norway East' },
  { value: 'australiaeast', name: 'Australia East' },
  { value: 'japaneast', name: 'Japan East' },
  { value: 'koreacentral', name: 'Korea Central' },
  { value: 'centralindia', name: 'Central India' },
  { value: 'southeastasia', name: 'Southeast Asia' },
  { value: 'eastasia', name: 'East Asia' },
];

/** Google Cloud regions where Vertex AI runs. */
export const GCP_VERTEX_LOCATIONS: CloudLocation[] = [
  { value: 'us-central1', name: 'Iowa' },
  { value: 'us-east1', name: 'South Carolina' },
  { value: 'us-east4', name: 'Northern Virginia' },
  { value: 'us-west1', name: 'Oregon' },
  { value: 'us-west4', name: 'Las Vegas' },
  { value: 'northamerica-northeast1', name: 'Montréal' },
  { value: 'southamerica-east1', name: 'São Paulo' },
  { value: 'europe-west1', name: 'Belgium' },
  { value: 'europe-west2', name: 'London' },
  { value: 'europe-west3', name: 'Frankfurt' },
  { value: 'europe-west4', name: 'Netherlands' },
  { value: 'europe-west9', name: 'Paris' },
  { value: 'europe-north1', name: 'Finland' },
  { value: 'me-west1', name: 'Tel Aviv' },
  { value: 'asia-east1', name: 'Taiwan' },
  { value: 'asia-northeast1', name: 'Tokyo' },
  { value: 'asia-northeast3', name: 'Seoul' },
  { value: 'asia-south1', name: 'Mumbai' },
  { value: 'asia-southeast1', name: 'Singapore' },
  { value: 'australia-southeast1', name: 'Sydney' },
];

export const CLOUD_LOCATIONS: Record<TProvider, CloudLocation[]> = {
  aws: AWS_REGIONS,
  azure: AZURE_LOCATIONS,
  gcp: GCP_VERTEX_LOCATIONS,
};
