import type { CheckDefinition } from '../../check';
import { authorizationRoleAssignmentPrivilegedOnAiResource } from './authorization-role-assignment-privileged-on-ai-resource.check';
import { mlComputeApplicationsShared } from './ml-compute-applications-shared.check';
import { mlComputeLocalAuthEnabled } from './ml-compute-local-auth-enabled.check';
import { mlComputePublicIp } from './ml-compute-public-ip.check';
import { mlComputeSshEnabled } from './ml-compute-ssh-enabled.check';
import { mlDatastoreKeyCredentials } from './ml-datastore-key-credentials.check';
import { mlOnlineDeploymentEgressPublic } from './ml-online-deployment-egress-public.check';
import { mlOnlineEndpointKeyAuth } from './ml-online-endpoint-key-auth.check';
import { mlOnlineEndpointPublicNetworkAccess } from './ml-online-endpoint-public-network-access.check';
import { mlRegistryPublicNetworkAccess } from './ml-registry-public-network-access.check';
import { mlWorkspaceIdentityPrivilegedRole } from './ml-workspace-identity-privileged-role.check';
import { mlWorkspaceNoCmk } from './ml-workspace-no-cmk.check';
import { mlWorkspaceNotHbi } from './ml-workspace-not-hbi.check';
import { mlWorkspacePublicNetworkAccess } from './ml-workspace-public-network-access.check';
import { openAiAccountLocalAuthEnabled } from './openai-account-local-auth-enabled.check';
import { openAiAccountNetworkAclAllowsAll } from './openai-account-network-acl-allows-all.check';
import { openAiAccountNoCmk } from './openai-account-no-cmk.check';
import { openAiAccountNoManagedIdentity } from './openai-account-no-managed-identity.check';
import { openAiAccountOutboundNotRestricted } from './openai-account-outbound-not-restricted.check';
import { openAiAccountPublicNetworkAccess } from './openai-account-public-network-access.check';
import { openAiDeploymentContentFilterWeak } from './openai-deployment-content-filter-weak.check';
import { openAiRaiPolicyAsynchronousFilter } from './openai-rai-policy-asynchronous-filter.check';
import { storageAiAccountPublicBlobAccess } from './storage-ai-account-public-blob-access.check';
import { storageAiAccountSharedKeyAccess } from './storage-ai-account-shared-key-access.check';

/** Azure Machine Learning and Azure OpenAI / AI Services checks, in the order findings list them for one asset. */
export const azureChecks: readonly CheckDefinition[] = [
  openAiAccountPublicNetworkAccess,
  openAiAccountNetworkAclAllowsAll,
  openAiAccountLocalAuthEnabled,
  openAiAccountNoManagedIdentity,
  openAiAccountOutboundNotRestricted,
  openAiAccountNoCmk,
  openAiDeploymentContentFilterWeak,
  openAiRaiPolicyAsynchronousFilter,
  mlWorkspacePublicNetworkAccess,
  mlWorkspaceIdentityPrivilegedRole,
  mlWorkspaceNoCmk,
  mlWorkspaceNotHbi,
  mlComputePublicIp,
  mlComputeSshEnabled,
  mlComputeLocalAuthEnabled,
  mlComputeApplicationsShared,
  mlOnlineEndpointPublicNetworkAccess,
  mlOnlineEndpointKeyAuth,
  mlOnlineDeploymentEgressPublic,
  mlRegistryPublicNetworkAccess,
  mlDatastoreKeyCredentials,
  storageAiAccountPublicBlobAccess,
  storageAiAccountSharedKeyAccess,
  authorizationRoleAssignmentPrivilegedOnAiResource,
];
