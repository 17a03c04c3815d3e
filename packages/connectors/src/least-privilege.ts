import type { TAccountSetup, TProvider } from '@aispm/contracts';
import { BEDROCK_READ_ACTIONS } from './aws/bedrock';
import { AWS_INFRA_READ_ACTIONS } from './aws/infra';
import { SAGEMAKER_READ_ACTIONS } from './aws/sagemaker.permissions';
import { AZURE_READ_ACTIONS, azureReaderRoleDefinition } from './azure';
import { GCP_READ_PERMISSIONS, gcpReaderCustomRole } from './gcp';

/** The read-only actions of every AWS discoverer, sorted and without duplicates. */
export function awsReadActions(): string[] {
  return [...new Set([...SAGEMAKER_READ_ACTIONS, ...BEDROCK_READ_ACTIONS, ...AWS_INFRA_READ_ACTIONS])].sort();
}

function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function awsSetup(): TAccountSetup {
  const actions = awsReadActions();
  return {
    provider: 'aws',
    format: 'aws-iam-policy',
    title: 'AWS: read-only IAM policy for AI discovery',
    permissions: actions,
    document: pretty({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AispmReadOnlyAiDiscovery', Effect: 'Allow', Action: actions, Resource: '*' }],
    }),
    steps: [
      'In the IAM console, create a customer managed policy named aispm-read-only from this JSON.',
      'Preferred: create a role for cross-account access with an external id (choose "AWS account" as trusted entity, tick "Require external ID"), attach the policy, and connect with the role ARN and external id.',
      'Or: create an IAM user with only this policy and an access key, and connect with the key (rotate it regularly).',
      'List every region you run AI workloads in; each region is listed separately.',
    ],
  };
}

function azureSetup(): TAccountSetup {
  return {
    provider: 'azure',
    format: 'azure-role-definition',
    title: 'Azure: read-only custom role for AI discovery',
    permissions: [...AZURE_READ_ACTIONS],
    document: pretty(azureReaderRoleDefinition()),
    steps: [
      'Register an application in Microsoft Entra ID (App registrations -> New registration) and create a client secret for it.',
      'Replace <subscription-id> in AssignableScopes, then create the role: az role definition create --role-definition @aispm-reader.json',
      'Assign it to the application at subscription scope: az role assignment create --assignee <client-id> --role "aispm AI posture reader" --scope /subscriptions/<subscription-id>',
      'Connect with the tenant id, client id, client secret and subscription id. Connect each subscription separately.',
    ],
  };
}

function gcpSetup(): TAccountSetup {
  return {
    provider: 'gcp',
    format: 'gcp-custom-role',
    title: 'Google Cloud: read-only custom role for AI discovery',
    permissions: [...GCP_READ_PERMISSIONS],
    document: pretty(gcpReaderCustomRole()),
    steps: [
      'Create the role in the project: gcloud iam roles create aispmReader --project <project-id> --file aispm-reader.json',
      'Create a service account (gcloud iam service-accounts create aispm-scanner) and grant it the role: gcloud projects add-iam-policy-binding <project-id> --member serviceAccount:aispm-scanner@<project-id>.iam.gserviceaccount.com --role projects/<project-id>/roles/aispmReader',
      'Create a JSON key for the service account and upload it; list the Vertex AI regions you use.',
    ],
  };
}

/** The least-privilege setup of a provider: the document to paste and the steps around it. */
export function accountSetupFor(provider: TProvider): TAccountSetup {
  switch (provider) {
    case 'aws':
      return awsSetup();
    case 'azure':
      return azureSetup();
    case 'gcp':
      return gcpSetup();
  }
}
