import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { CONNECTION_TESTER, sdkConnectionTester } from './connection-tester';

@Module({
  controllers: [AccountsController],
  providers: [
    AccountsService,
    AccountsRepository,
    { provide: CONNECTION_TESTER, useValue: sdkConnectionTester },
  ],
  exports: [AccountsRepository],
})
export class AccountsModule {}
