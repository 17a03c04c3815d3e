import { Module } from '@nestjs/common';
import { ExceptionsController } from './exceptions.controller';
import { ExceptionsRepository } from './exceptions.repository';
import { ExceptionsService } from './exceptions.service';

@Module({ controllers: [ExceptionsController], providers: [ExceptionsService, ExceptionsRepository] })
export class ExceptionsModule {}
