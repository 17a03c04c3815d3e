import { Module } from '@nestjs/common';
import { AttackPathsController } from './attack-paths.controller';
import { AttackPathsRepository } from './attack-paths.repository';
import { AttackPathsService } from './attack-paths.service';

@Module({ controllers: [AttackPathsController], providers: [AttackPathsService, AttackPathsRepository] })
export class AttackPathsModule {}
