import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import type { Env } from '../../config/env';
import { ENV } from '../../infra/tokens';
import { CONNECTION_TESTER, sdkConnectionTester } from './connection-tester';

@Module({
  controllers: [AccountsController],
  providers: [
    AccountsService,
    AccountsRepository,
    {
      provide: CONNECTION_TESTER,
      useFactory: (env: Env) => sdkConnectionTester(env.OUTBOUND_ALLOW),
      inject: [ENV],
    },
  ],
  exports: [AccountsRepository],
})
export class AccountsModule {}
