import { Inject, Injectable } from '@nestjs/common';
import {
  type TCloudAccount,
  type TCloudCredentials,
  type TCreateCloudAccount,
  type TStoredConnection,
} from '@aispm/contracts';
import { newId } from '@aispm/db';
import { secretFingerprint, type EnvelopeCipher } from '@aispm/secrets';
import { checkOutboundUrl } from '@aispm/security';
import { auditEvent } from '../../common/audit';
import { notFound, ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import type { Env } from '../../config/env';
import { CIPHER, ENV } from '../../infra/tokens';
import { AccountsRepository } from './accounts.repository';
import { toAccountDto } from './accounts.mapper';
import { CONNECTION_TESTER, type ConnectionTester } from './connection-tester';

@Injectable()
export class AccountsService {
  constructor(
    @Inject(AccountsRepository) private readonly repo: AccountsRepository,
    @Inject(CIPHER) private readonly cipher: EnvelopeCipher,
    @Inject(CONNECTION_TESTER) private readonly tester: ConnectionTester,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async list(tenantId: string): Promise<TCloudAccount[]> {
    return (await this.repo.list(tenantId)).map(toAccountDto);
  }

  async get(tenantId: string, id: string): Promise<TCloudAccount> {
    const account = await this.repo.find(tenantId, id);
    if (!account) throw notFound('cloud account', id);
    return toAccountDto(account);
  }

  async create(tenantId: string, input: TCreateCloudAccount, meta: RequestMeta): Promise<TCloudAccount> {
    if (await this.repo.findByName(tenantId, input.name)) {
      throw new ProblemException({
        status: 409,
        title: 'Conflict',
        detail: `A cloud account named "${input.name}" already exists in this organization.`,
        errors: [{ path: 'name', message: 'already in use' }],
      });
    }
    // The connection test below and every scan will call this URL from inside our network: refuse internal targets.
    if (input.endpoint) {
      const outbound = await checkOutboundUrl(input.endpoint, this.env.OUTBOUND_ALLOW);
      if (!outbound.ok) {
        throw new ProblemException({
          status: 422,
          title: 'Endpoint not allowed',
          detail: outbound.reason,
          type: 'https://aispm.dev/problems/outbound-url',
          errors: [{ path: 'endpoint', message: outbound.reason }],
        });
      }
    }
    const check = await this.tester.test(input);
    if (!check.ok) {
      throw new ProblemException({
        status: 422,
        title: 'Connection test failed',
        detail: check.message,
        type: `https://aispm.dev/problems/connection/${check.code}`,
      });
    }
    const id = newId();
    const { credentials } = input;
    const account = await this.repo.create(
      tenantId,
      {
        id,
        provider: input.provider,
        name: input.name,
        scopeIds: input.scopeIds,
        regions: input.regions,
        endpointOverride: input.endpoint ?? null,
        credentialsCiphertext: new Uint8Array(
          await this.cipher.encrypt(
            JSON.stringify({ credentials, caCertificate: input.caCertificate } satisfies TStoredConnection),
            `${tenantId}:${id}`,
          ),
        ),
        credentialsFingerprint: credentialsFingerprint(credentials),
        status: 'connected',
        statusMessage: null,
        scanIntervalHours: input.scanIntervalHours,
      },
      auditEvent(
        tenantId,
        meta,
        'cloud_account.create',
        { type: 'cloud_account', id },
        {
          provider: input.provider,
          name: input.name,
          scopeIds: input.scopeIds,
          regions: input.regions,
          endpoint: input.endpoint ?? null,
        },
      ),
    );
    return toAccountDto(account);
  }
}

/** Which credentials are stored, recognisable by a person and revealing nothing of the secret. */
function credentialsFingerprint(c: TCloudCredentials): string {
  switch (c.kind) {
    case 'access_key':
      return secretFingerprint(c.accessKeyId, c.secretAccessKey);
    case 'assume_role':
      return secretFingerprint(c.roleArn.replace(/^arn:[^:]+:iam::/, ''), c.externalId);
    case 'client_secret':
      return secretFingerprint(c.clientId, c.clientSecret);
    case 'service_account_key':
      return secretFingerprint(c.key.client_email, c.key.private_key);
  }
}
