import { Module } from '@nestjs/common';
import { ShadowAiController } from './shadow-ai.controller';
import { ShadowAiRepository } from './shadow-ai.repository';
import { ShadowAiService } from './shadow-ai.service';

@Module({ controllers: [ShadowAiController], providers: [ShadowAiService, ShadowAiRepository] })
export class ShadowAiModule {}
