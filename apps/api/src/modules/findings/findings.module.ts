import { Module } from '@nestjs/common';
import { FindingsController } from './findings.controller';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';

@Module({ controllers: [FindingsController], providers: [FindingsService, FindingsRepository] })
export class FindingsModule {}
