import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { RequestRateLimit } from './request-rate-limit';
import { SecurityEvents } from './security-events';

@Global()
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRepository,
    LoginThrottle,
    RequestRateLimit,
    SecurityEvents,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SecurityEvents],
})
export class AuthModule {}
