import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import pino, { type Logger } from 'pino';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { Registry } from 'prom-client';
import { buildOpenApiDocument } from '@aispm/contracts/openapi';
import type { Env } from './config/env';
import { AppModule } from './app.module';
import { ProblemFilter, bodyParserProblem } from './common/problem.filter';
import { FRAMEWORK_UPLOAD_PATH } from './modules/compliance/framework-upload';
import { METRICS } from './infra/tokens';
import { httpMetricsMiddleware } from './modules/metrics/http-metrics.middleware';

export function createLogger(env: Pick<Env, 'LOG_LEVEL'>): Logger {
  return pino({ level: env.LOG_LEVEL, base: { service: 'aispm-api' } });
}

export async function createApp(
  env: Env,
  logger: Logger = createLogger(env),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, logger), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      // Swagger UI at /api/docs needs inline styles and scripts; everything else is JSON.
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use(httpMetricsMiddleware(app.get<Registry>(METRICS)));
  // Our own JSON parser, so a malformed or oversized body keeps its cause and becomes a precise problem. A
  // framework upload is read by its route instead (up to its own limit, with line and column on syntax errors).
  const parseJson = json({ limit: env.BODY_LIMIT });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.method === 'POST' && req.path === FRAMEWORK_UPLOAD_PATH ? next() : parseJson(req, res, next),
  );
  app.enableCors({ origin: env.CORS_ORIGINS.length ? env.CORS_ORIGINS : false });
  const filter = new ProblemFilter(logger);
  app.useGlobalFilters(filter);
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) =>
    bodyParserProblem(err) ? filter.render(err, req, res) : next(err),
  );
  app.enableShutdownHooks();

  const document = buildOpenApiDocument({
    title: 'aispm API',
    version: '0.1.0',
    description:
      'AI Security Posture Management: inventory, findings and posture of AI assets across clouds.',
  });
  SwaggerModule.setup('api/docs', app, document as unknown as OpenAPIObject, {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}
