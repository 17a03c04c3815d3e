import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';

@Module({ controllers: [ComplianceController], providers: [ComplianceService, ComplianceRepository] })
export class ComplianceModule {}
