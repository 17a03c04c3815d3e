import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TScan } from '@aispm/contracts';
import { newId } from '@aispm/db';
import { planScanJob, type JobQueues } from '@aispm/jobs';
import { auditEvent } from '../../common/audit';
import { notFound } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { JOB_QUEUES, LOGGER } from '../../infra/tokens';
import { AccountsRepository } from '../accounts/accounts.repository';
import { toScanDto } from './scans.mapper';
import { ScansRepository } from './scans.repository';

@Injectable()
export class ScansService {
  constructor(
    @Inject(ScansRepository) private readonly scans: ScansRepository,
    @Inject(AccountsRepository) private readonly accounts: AccountsRepository,
    @Inject(JOB_QUEUES) private readonly queues: JobQueues,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(tenantId: string, accountId: string, meta: RequestMeta): Promise<TScan> {
    const account = await this.accounts.find(tenantId, accountId);
    if (!account) throw notFound('cloud account', accountId);
    const id = newId();
    const { scan, created } = await this.scans.createUnlessActive(
      tenantId,
      accountId,
      { id, trigger: 'manual' },
      auditEvent(tenantId, meta, 'scan.start', { type: 'scan', id }, { accountId }),
    );
    if (created) {
      // The scan is already recorded in Postgres; if Redis is down now, the worker's reconciler enqueues it later.
      await this.queues.enqueue(planScanJob, { tenantId, scanId: scan.id }).catch((err: unknown) => {
        this.logger.warn({ err, scanId: scan.id }, 'could not enqueue scan now; the reconciler will');
      });
    }
    return toScanDto(scan);
  }

  async get(tenantId: string, id: string): Promise<TScan> {
    const scan = await this.scans.find(tenantId, id);
    if (!scan) throw notFound('scan', id);
    return toScanDto(scan);
  }

  async list(tenantId: string, filter: { accountId?: string | undefined; limit: number }): Promise<TScan[]> {
    return (await this.scans.list(tenantId, filter)).map(toScanDto);
  }
}
