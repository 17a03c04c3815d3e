import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { RequestRateLimit } from './request-rate-limit';
import { SecurityEvents } from './security-events';
import { SsoController } from './sso.controller';
import { SsoService } from './sso.service';

@Global()
@Module({
  controllers: [AuthController, SsoController],
  providers: [
    AuthService,
    AuthRepository,
    LoginThrottle,
    RequestRateLimit,
    SecurityEvents,
    SsoService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  // AuthService: other modules start sessions through it (an accepted invitation signs the invitee in).
  exports: [SecurityEvents, AuthService],
})
export class AuthModule {}
