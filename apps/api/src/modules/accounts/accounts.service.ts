import { Inject, Injectable } from '@nestjs/common';
import type { TCloudAccount, TCreateCloudAccount } from '@aispm/contracts';
import { credentialFingerprint, newId, type CredentialCipher } from '@aispm/db';
import { auditEvent } from '../../common/audit';
import { notFound, ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { CIPHER } from '../../infra/tokens';
import { AccountsRepository } from './accounts.repository';
import { toAccountDto } from './accounts.mapper';
import { CONNECTION_TESTER, type ConnectionTester } from './connection-tester';

@Injectable()
export class AccountsService {
  constructor(
    @Inject(AccountsRepository) private readonly repo: AccountsRepository,
    @Inject(CIPHER) private readonly cipher: CredentialCipher,
    @Inject(CONNECTION_TESTER) private readonly tester: ConnectionTester,
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
          this.cipher.encrypt(JSON.stringify(credentials), `${tenantId}:${id}`),
        ),
        credentialsFingerprint: credentialFingerprint(credentials.accessKeyId, credentials.secretAccessKey),
        status: 'connected',
        statusMessage: null,
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
