import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Env } from './config/env';
import { InfraModule } from './infra/infra.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ScansModule } from './modules/scans/scans.module';
import { AssetsModule } from './modules/assets/assets.module';
import { FindingsModule } from './modules/findings/findings.module';
import { ExceptionsModule } from './modules/exceptions/exceptions.module';
import { PostureModule } from './modules/posture/posture.module';
import { AttackPathsModule } from './modules/attack-paths/attack-paths.module';
import { AuthModule } from './modules/auth/auth.module';
import { MembersModule } from './modules/members/members.module';
import { TokensModule } from './modules/tokens/tokens.module';
import { AuditModule } from './modules/audit/audit.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { ShadowAiModule } from './modules/shadow-ai/shadow-ai.module';
import { ComplianceModule } from './modules/compliance/compliance.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
// The single sign-on callback's query carries a one-time authorization code: its value never reaches the logs.
const OAUTH_QUERY = /([?&](?:code|state)=)[^&#]*/g;

@Module({})
export class AppModule {
  static forRoot(env: Env, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            // Honour a caller's request id when it is safe to log; otherwise mint one.
            genReqId: (req: IncomingMessage, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
            // Headers that can carry secrets never reach the logs; bodies are not logged at all.
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["x-api-key"]',
              'res.headers["set-cookie"]',
            ],
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url.replace(OAUTH_QUERY, '$1[redacted]'),
              }),
            },
          },
        }),
        InfraModule.forRoot(env, logger),
        HealthModule,
        MetricsModule,
        AccountsModule,
        ScansModule,
        AssetsModule,
        FindingsModule,
        ExceptionsModule,
        PostureModule,
        AttackPathsModule,
        AuthModule,
        MembersModule,
        TokensModule,
        AuditModule,
        InvitationsModule,
        ShadowAiModule,
        ComplianceModule,
      ],
    };
  }
}
