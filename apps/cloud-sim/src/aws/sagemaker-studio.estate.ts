import type { SeededRandom } from '../seeded-random.util';
import {
  ACCOUNT_ID,
  arnOf,
  buildTags,
  kmsKeyArn,
  pastSeconds,
  SAGEMAKER_ROLES,
  TEAMS,
  uniqueNames,
  type Region,
  type SimResource,
} from './sagemaker-common.estate';

/**
 * Lifecycle configs the notebooks of estate.ts name (its LIFECYCLE_CONFIGS): every region holds all of them, so
 * a notebook's NotebookInstanceLifecycleConfigName always resolves. Keep the two lists in step.
 */
export const NOTEBOOK_LIFECYCLE_CONFIG_NAMES = [
  'auto-stop-idle-1h',
  'install-conda-envs',
  'mount-efs-home',
  'pip-mirror-proxy',
] as const;

/** The lifecycle config of the default estate whose OnStart script writes credentials in clear text. */
export const LEAKY_LIFECYCLE_CONFIG_NAME = 'bootstrap-data-access';

/**
 * A config notebooks name whose us-east-1 copy (default estate) also leaks: its OnStart holds a Slack bot token
 * to announce auto-stops, so a notebook runs a script with a secret in it (the eu-west-1 copy is clean).
 */
export const SLACK_NOTIFY_LIFECYCLE_CONFIG_NAME = 'auto-stop-idle-1h';

/**
 * DescribeNotebookInstanceLifecycleConfig as sent. `Content` is the base64 of a shell script. OnCreate or
 * OnStart is absent when the config has no script for that hook (as real SageMaker omits it).
 */
export interface DescribeLifecycleConfigBody {
  NotebookInstanceLifecycleConfigArn: string;
  NotebookInstanceLifecycleConfigName: string;
  OnCreate?: { Content: string }[];
  OnStart?: { Content: string }[];
  LastModifiedTime: number;
  CreationTime: number;
}

/** What a lifecycle script leaks, for tests: the planted secret kinds, by hook. Empty for clean scripts. */
export type PlantedSecret =
  'aws-access-key-id' | 'aws-secret-access-key' | 'hf-token' | 'password' | 'generic-secret';

export type SimLifecycleConfig = SimResource<DescribeLifecycleConfigBody> & {
  plantedSecrets: PlantedSecret[];
};

export type DomainStatus = 'InService' | 'Pending' | 'Failed' | 'Updating';

/**
 * DescribeDomain as sent. KmsKeyId only when a customer key encrypts the home EFS volume; DefaultUserSettings
 * .SecurityGroups only for VpcOnly domains; the SSO members only when AuthMode is SSO.
 */
export interface DescribeDomainBody {
  DomainArn: string;
  DomainId: string;
  DomainName: string;
  HomeEfsFileSystemId: string;
  SingleSignOnManagedApplicationInstanceId?: string;
  SingleSignOnApplicationArn?: string;
  Status: DomainStatus;
  CreationTime: number;
  LastModifiedTime: number;
  SecurityGroupIdForDomainBoundary: string;
  AuthMode: 'IAM' | 'SSO';
  DefaultUserSettings: {
    ExecutionRole: string;
    SecurityGroups?: string[];
    SharingSettings?: { NotebookOutputOption: 'Allowed' | 'Disabled'; S3OutputPath?: string };
  };
  AppNetworkAccessType: 'PublicInternetOnly' | 'VpcOnly';
  SubnetIds: string[];
  Url: string;
  VpcId: string;
  KmsKeyId?: string;
  AppSecurityGroupManagement?: 'Service' | 'Customer';
}

/** DescribeUserProfile as sent. UserSettings absent when the profile inherits every domain default. */
export interface DescribeUserProfileBody {
  DomainId: string;
  UserProfileArn: string;
  UserProfileName: string;
  HomeEfsFileSystemUid: string;
  Status: 'InService' | 'Pending' | 'Failed';
  LastModifiedTime: number;
  CreationTime: number;
  SingleSignOnUserIdentifier?: string;
  SingleSignOnUserValue?: string;
  UserSettings?: { ExecutionRole?: string; SecurityGroups?: string[] };
}

export type SimDomain = SimResource<DescribeDomainBody>;
export type SimUserProfile = SimResource<DescribeUserProfileBody>;

export interface StudioCounts {
  lifecycleConfigs: number;
  domains: number;
  userProfiles: number;
}

export interface StudioEstate {
  lifecycleConfigs: SimLifecycleConfig[];
  domains: SimDomain[];
  userProfiles: SimUserProfile[];
}

const OWNERS = [
  'alice-martin',
  'bob-nguyen',
  'chen-li',
  'dana-kowalski',
  'emeka-obi',
  'farah-haddad',
] as const;
const DOMAIN_NAMES = ['ds-studio-prod', 'genai-sandbox', 'risk-analytics-studio'] as const;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Lifecycle configs, Studio domains and user profiles of one region.
 *
 * Default estate (`sized` false): the four configs notebooks name, plus in us-east-1 `bootstrap-data-access`,
 * whose OnStart writes an AWS access key pair, a Hugging Face token and a database password in clear text
 * (no notebook names it), while the us-east-1 `auto-stop-idle-1h` that notebooks run holds a Slack bot token;
 * `mount-efs-home` has no OnCreate hook. Domain 0 is PublicInternetOnly with IAM auth and no customer KMS key;
 * domain 1 (us-east-1) is VpcOnly with SSO and a KMS key. Profile 0 of every region inherits everything
 * (no UserSettings); the others override the execution role, one with the broad SageMakerFullAccessRole.
 */
export function buildStudioRegion(
  rnd: SeededRandom,
  region: Region,
  counts: StudioCounts,
  sized: boolean,
  out: StudioEstate,
): void {
  const configName = uniqueNames();
  const configs: SimLifecycleConfig[] = [];
  for (let i = 0; i < counts.lifecycleConfigs; i++) {
    const base: string =
      i < NOTEBOOK_LIFECYCLE_CONFIG_NAMES.length
        ? NOTEBOOK_LIFECYCLE_CONFIG_NAMES[i]!
        : i === NOTEBOOK_LIFECYCLE_CONFIG_NAMES.length && region === 'us-east-1'
          ? LEAKY_LIFECYCLE_CONFIG_NAME
          : `${rnd.pick(TEAMS)}-${rnd.pick(['auto-stop', 'conda-setup', 'git-sync', 'proxy'])}`;
    const name = configName(base);
    // In sized estates about one generated config in twenty leaks credentials too, as in real fleets.
    const leaky = base === LEAKY_LIFECYCLE_CONFIG_NAME || (sized && i > 4 && rnd.chance(0.05));
    const slackToken =
      !sized && region === 'us-east-1' && base === SLACK_NOTIFY_LIFECYCLE_CONFIG_NAME
        ? slackBotToken(`${region}/${name}`)
        : undefined;
    configs.push(lifecycleConfig(rnd, region, name, base, leaky, slackToken));
  }
  out.lifecycleConfigs.push(...configs);

  const domainName = uniqueNames();
  const domains: SimDomain[] = [];
  for (let i = 0; i < counts.domains; i++) {
    const vpcOnly = sized ? rnd.chance(0.5) : i === 1;
    const name = domainName(i < DOMAIN_NAMES.length ? DOMAIN_NAMES[i]! : `studio-${rnd.pick(TEAMS)}`);
    domains.push(domain(rnd, region, name, i, vpcOnly, sized));
  }
  out.domains.push(...domains);

  const profileName = uniqueNames();
  for (let i = 0; i < counts.userProfiles && domains.length > 0; i++) {
    const d = domains[i % domains.length]!.describe;
    const name = profileName(OWNERS[i % OWNERS.length]!);
    const created = d.CreationTime + rnd.int(3600, 200 * 86_400);
    const inherits = sized ? rnd.chance(0.4) : i === 0;
    const role = i % 3 === 2 ? SAGEMAKER_ROLES[2] : rnd.pick(SAGEMAKER_ROLES);
    const describe: DescribeUserProfileBody = {
      DomainId: d.DomainId,
      UserProfileArn: `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:user-profile/${d.DomainId}/${name.toLowerCase()}`,
      UserProfileName: name,
      HomeEfsFileSystemUid: String(200_000 + rnd.int(1, 99_999)),
      Status: 'InService',
      LastModifiedTime: created + rnd.int(0, 86_400),
      CreationTime: created,
      ...(d.AuthMode === 'SSO' && {
        SingleSignOnUserIdentifier: 'UserName',
        SingleSignOnUserValue: `${name.replace('-', '.')}@example.com`,
      }),
      ...(!inherits && {
        UserSettings: {
          ExecutionRole: role,
          ...(d.AppNetworkAccessType === 'VpcOnly' && { SecurityGroups: [`sg-0${rnd.hex(16)}`] }),
        },
      }),
    };
    out.userProfiles.push({
      region,
      name,
      arn: describe.UserProfileArn,
      describe,
      tags: buildTags(rnd, d.DomainName),
    });
  }
}

function lifecycleConfig(
  rnd: SeededRandom,
  region: Region,
  name: string,
  base: string,
  leaky: boolean,
  slackToken?: string,
): SimLifecycleConfig {
  const created = pastSeconds(rnd, 200, 900);
  const { onCreate, onStart, planted } = leaky
    ? leakyScript(rnd)
    : cleanScripts(base, region, rnd, slackToken);
  const b64 = (script: string) => [{ Content: Buffer.from(script, 'utf8').toString('base64') }];
  const describe: DescribeLifecycleConfigBody = {
    NotebookInstanceLifecycleConfigArn: arnOf(region, 'notebook-instance-lifecycle-config', name),
    NotebookInstanceLifecycleConfigName: name,
    ...(onCreate !== undefined && { OnCreate: b64(onCreate) }),
    ...(onStart !== undefined && { OnStart: b64(onStart) }),
    LastModifiedTime: created + rnd.int(0, 90 * 86_400),
    CreationTime: created,
  };
  return {
    region,
    name,
    arn: describe.NotebookInstanceLifecycleConfigArn,
    describe,
    tags: buildTags(rnd, name),
    plantedSecrets: planted,
  };
}

function cleanScripts(
  base: string,
  region: Region,
  rnd: SeededRandom,
  slackToken?: string,
): { onCreate?: string; onStart?: string; planted: PlantedSecret[] } {
  const head = '#!/bin/bash\nset -e\n';
  if (base.includes('auto-stop')) {
    const idle = rnd.pick([1800, 3600, 7200]);
    const notify = slackToken
      ? `SLACK_BOT_TOKEN="${slackToken}"\n` +
        'curl -s -X POST -H "Authorization: Bearer ${SLACK_BOT_TOKEN}" ' +
        '-d "channel=#ml-notebooks&text=$(hostname) starts; auto-stop after ${IDLE_TIME}s idle" ' +
        'https://slack.com/api/chat.postMessage\n'
      : '';
    return {
      onStart:
        `${head}IDLE_TIME=${idle}\n` +
        notify +
        'echo "Fetching the autostop script"\n' +
        'wget https://raw.githubusercontent.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples/master/scripts/auto-stop-idle/autostop.py\n' +
        '(crontab -l 2>/dev/null; echo "*/5 * * * * /usr/bin/python3 $PWD/autostop.py --time $IDLE_TIME --ignore-connections") | crontab -\n',
      planted: slackToken ? ['generic-secret'] : [],
    };
  }
  if (base.includes('conda')) {
    return {
      onCreate:
        `${head}sudo -u ec2-user -i <<'EOF'\n` +
        'conda create --yes --prefix ~/SageMaker/envs/ml python=3.10 ipykernel\n' +
        'EOF\n',
      onStart:
        `${head}sudo -u ec2-user -i <<'EOF'\n` + 'ln -sf ~/SageMaker/envs/ml ~/anaconda3/envs/ml\n' + 'EOF\n',
      planted: [],
    };
  }
  if (base.includes('efs')) {
    return {
      onStart:
        `${head}mkdir -p /home/ec2-user/SageMaker/efs\n` +
        `mount -t nfs4 -o nfsvers=4.1 fs-0${rnd.hex(16)}.efs.${region}.amazonaws.com:/ /home/ec2-user/SageMaker/efs\n` +
        'chmod go+rw /home/ec2-user/SageMaker/efs\n',
      planted: [],
    };
  }
  if (base.includes('proxy')) {
    return {
      onStart:
        `${head}cat > /etc/pip.conf <<'EOF'\n[global]\nindex-url = https://pypi-mirror.internal.example.com/simple\n` +
        'trusted-host = pypi-mirror.internal.example.com\nEOF\n' +
        'echo "export HTTPS_PROXY=http://egress-proxy.internal.example.com:3128" >> /etc/profile.d/proxy.sh\n',
      planted: [],
    };
  }
  return {
    onCreate: `${head}sudo -u ec2-user -i <<'EOF'\ncd ~/SageMaker && git clone https://github.com/example-corp/ml-experiments.git\nEOF\n`,
    planted: [],
  };
}

/**
 * A Slack-bot-shaped token derived from a label (FNV-1a steps), so adding it draws nothing from the estate's
 * random stream and every other resource of the seed stays as it was.
 */
function slackBotToken(label: string): string {
  let h = 0x811c9dc5;
  const next = () => {
    for (const ch of label) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    return h;
  };
  const chars = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[next() % alphabet.length]).join('');
  return `xoxb-${chars('0123456789', 12)}-${chars('0123456789', 13)}-${chars(BASE62, 24)}`;
}

/** A bootstrap script with credentials pasted in: generated, so no real-looking secret sits in the source. */
function leakyScript(rnd: SeededRandom): { onCreate?: string; onStart?: string; planted: PlantedSecret[] } {
  const chars = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[rnd.int(0, alphabet.length - 1)]).join('');
  const keyId = `AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  const secret = chars(`${BASE62}+/`, 40);
  const hfToken = `hf_${chars(BASE62, 34)}`;
  const password = chars(BASE62, 18);
  return {
    onStart:
      '#!/bin/bash\nset -e\n' +
      "sudo -u ec2-user -i <<'EOF'\n" +
      'mkdir -p ~/.aws\n' +
      'cat > ~/.aws/credentials <<CREDS\n' +
      '[default]\n' +
      `aws_access_key_id = ${keyId}\n` +
      `aws_secret_access_key = ${secret}\n` +
      'CREDS\n' +
      `echo 'export HF_TOKEN=${hfToken}' >> ~/.bashrc\n` +
      `echo 'export WAREHOUSE_DB_PASSWORD="${password}"' >> ~/.bashrc\n` +
      'EOF\n',
    planted: ['aws-access-key-id', 'aws-secret-access-key', 'hf-token', 'password'],
  };
}

function domain(
  rnd: SeededRandom,
  region: Region,
  name: string,
  index: number,
  vpcOnly: boolean,
  sized: boolean,
): SimDomain {
  const id = `d-${Array.from({ length: 12 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[rnd.int(0, 35)]).join('')}`;
  const created = pastSeconds(rnd, 300, 1000);
  const sso = sized ? rnd.chance(0.3) : vpcOnly;
  const kms = sized ? rnd.chance(0.5) : index > 0 || region === 'eu-west-1';
  const describe: DescribeDomainBody = {
    DomainArn: arnOf(region, 'domain', id),
    DomainId: id,
    DomainName: name,
    HomeEfsFileSystemId: `fs-0${rnd.hex(16)}`,
    ...(sso && {
      SingleSignOnManagedApplicationInstanceId: `ins-${rnd.hex(16)}`,
      SingleSignOnApplicationArn: `arn:aws:sso::${ACCOUNT_ID}:application/ssoins-${rnd.hex(16)}/apl-${rnd.hex(16)}`,
    }),
    Status: 'InService',
    CreationTime: created,
    LastModifiedTime: created + rnd.int(60, 30 * 86_400),
    SecurityGroupIdForDomainBoundary: `sg-0${rnd.hex(16)}`,
    AuthMode: sso ? 'SSO' : 'IAM',
    DefaultUserSettings: {
      ExecutionRole: rnd.pick(SAGEMAKER_ROLES),
      ...(vpcOnly && { SecurityGroups: [`sg-0${rnd.hex(16)}`] }),
      SharingSettings: { NotebookOutputOption: vpcOnly ? 'Disabled' : 'Allowed' },
    },
    AppNetworkAccessType: vpcOnly ? 'VpcOnly' : 'PublicInternetOnly',
    SubnetIds: [`subnet-0${rnd.hex(16)}`, `subnet-0${rnd.hex(16)}`],
    Url: `https://${id}.studio.${region}.sagemaker.aws`,
    VpcId: `vpc-0${rnd.hex(16)}`,
    ...(kms && { KmsKeyId: kmsKeyArn(rnd, region) }),
    ...(vpcOnly && { AppSecurityGroupManagement: 'Service' as const }),
  };
  return { region, name, arn: describe.DomainArn, describe, tags: buildTags(rnd, name) };
}
