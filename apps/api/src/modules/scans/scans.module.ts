import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ScansController } from './scans.controller';
import { ScansRepository } from './scans.repository';
import { ScansService } from './scans.service';

@Module({
  imports: [AccountsModule],
  controllers: [ScansController],
  providers: [ScansService, ScansRepository],
  exports: [ScansRepository],
})
export class ScansModule {}
