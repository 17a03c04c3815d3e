import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../infra/tokens';

const PRODUCT = { name: 'aispm', vendor_name: 'aispm' };

interface Actor {
  userId?: string | undefined;
  email?: string | undefined;
  tokenId?: string | undefined;
}

/** How the user proved who they are (OCSF auth_protocol, with its auth_protocol_id). */
export type AuthProtocol = 'Password' | 'OpenID Connect';
const AUTH_PROTOCOL_IDS: Record<AuthProtocol, number> = { Password: 99, 'OpenID Connect': 4 };

interface Source {
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}

/**
 * Security events as OCSF 1.3 JSON, one log line each under the `ocsf` key, so a SIEM can take the API's log
 * stream as it is: sign-ins and sign-outs (Authentication, 3002) and API calls that used a token or were
 * refused (API Activity, 6003). Never carries a password, token or cookie.
 */
@Injectable()
export class SecurityEvents {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  authentication(
    activity: 'logon' | 'logoff',
    success: boolean,
    actor: Actor,
    src: Source,
    detail?: string,
    protocol: AuthProtocol = 'Password',
  ): void {
    this.emit({
      class_uid: 3002,
      class_name: 'Authentication',
      category_uid: 3,
      category_name: 'Identity & Access Management',
      activity_id: activity === 'logon' ? 1 : 2,
      activity_name: activity === 'logon' ? 'Logon' : 'Logoff',
      type_uid: 300200 + (activity === 'logon' ? 1 : 2),
      status_id: success ? 1 : 2,
      status: success ? 'Success' : 'Failure',
      ...(detail ? { status_detail: detail } : {}),
      severity_id: success ? 1 : 3,
      auth_protocol: protocol,
      auth_protocol_id: AUTH_PROTOCOL_IDS[protocol],
      user: { uid: actor.userId, email_addr: actor.email },
      ...this.source(src),
    });
  }

  apiActivity(
    success: boolean,
    actor: Actor,
    src: Source,
    request: { method: string; path: string },
    detail?: string,
  ) {
    this.emit({
      class_uid: 6003,
      class_name: 'API Activity',
      category_uid: 6,
      category_name: 'Application Activity',
      activity_id: request.method === 'GET' ? 2 : 99,
      type_uid: 600300 + (request.method === 'GET' ? 2 : 99),
      status_id: success ? 1 : 2,
      status: success ? 'Success' : 'Failure',
      ...(detail ? { status_detail: detail } : {}),
      severity_id: success ? 1 : 3,
      actor: {
        user: { uid: actor.userId, email_addr: actor.email },
        ...(actor.tokenId ? { session: { uid: actor.tokenId, issuer: 'aispm api token' } } : {}),
      },
      api: { operation: `${request.method} ${request.path}`, service: { name: 'aispm-api' } },
      ...this.source(src),
    });
  }

  private source(src: Source) {
    return {
      src_endpoint: { ip: src.ip },
      http_request: { user_agent: src.userAgent, uid: src.requestId },
    };
  }

  private emit(event: Record<string, unknown>): void {
    this.logger.info(
      { ocsf: { ...event, time: Date.now(), metadata: { version: '1.3.0', product: PRODUCT } } },
      'security event',
    );
  }
}
