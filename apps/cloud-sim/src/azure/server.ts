import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { Estate } from '../estate';
import type { FaultInjector } from '../fault-injector';
import { handleArm } from './arm.handler';
import { ArmError, EntraError, sendArmError, sendEntraError, sendJson } from './arm-errors';
import { handleEntra, isEntraPath, TokenStore } from './entra.handler';

/** A listener of the simulator beside the AWS one. */
export interface SubServer {
  /** Base URL to give the SDK as its endpoint. */
  url: string;
  /** PEM of the self-signed certificate clients must trust (HTTPS listeners). */
  caCertificate?: string;
  /** Where tokens are issued (Azure authority host, Google token_uri). */
  tokenUrl?: string;
  close(): Promise<void>;
}

export interface SubServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  estate: Estate;
  faults: FaultInjector;
  log?: ((line: string) => void) | undefined;
  /** A certificate to serve instead of a fresh one (kept between runs by state.ts). */
  tls?: { key: string; cert: string } | undefined;
}

const MAX_BODY_BYTES = 64 * 1024;

interface Note {
  target?: string;
  who?: string;
  error?: string;
  faults: string[];
}

/**
 * Azure Resource Manager over HTTPS plus an Entra ID token endpoint on the same listener. The certificate is
 * self-signed, generated at start for 127.0.0.1 and localhost: clients must be told to trust `caCertificate`.
 * `tokenUrl` is the authority host to give @azure/identity (with `disableInstanceDiscovery: true`).
 */
export async function startAzureServer(options: SubServerOptions): Promise<SubServer> {
  const { cert, key } = options.tls ?? (await selfSignedCertificate());
  const tokens = new TokenStore();
  const estate = options.estate.azure;
  let baseUrl = '';

  const server: Server = createServer({ key, cert }, (req, res) => {
    const started = performance.now();
    const note: Note = { faults: [] };
    if (options.log) {
      const log = options.log;
      res.on('finish', () => log(logLine(req, res, note, performance.now() - started)));
    }
    route(req, res, note).catch((err: unknown) => {
      if (err instanceof EntraError) {
        note.error = `AADSTS${err.aadsts}`;
        sendEntraError(res, err);
        return;
      }
      const error =
        err instanceof ArmError
          ? err
          : new ArmError(500, 'InternalServerError', 'The simulator failed unexpectedly.');
      if (!(err instanceof ArmError)) console.error('cloud-sim azure: unexpected error', err);
      note.error = error.code;
      sendArmError(res, error);
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse, note: Note): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    // Links (OpenID endpoints, nextLink) use the host the client asked for: 127.0.0.1 or localhost.
    const selfUrl = requestBaseUrl(req, baseUrl);
    const body = await readBody(req);
    if (isEntraPath(url.pathname)) {
      handleEntra({
        method: req.method ?? 'GET',
        pathname: url.pathname,
        baseUrl: selfUrl,
        body,
        authorization: req.headers.authorization,
        res,
        tokens,
        note: (what, clientId) => {
          note.target = what;
          if (clientId) note.who = clientId;
        },
      });
      return;
    }
    note.target = `ARM ${req.method} ${url.pathname}`;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const principal = bearer ? tokens.principalOf(bearer) : undefined;
    if (!principal) {
      throw new ArmError(
        401,
        'InvalidAuthenticationToken',
        bearer
          ? 'The access token is invalid or has expired.'
          : "Authentication failed. The 'Authorization' header is missing.",
      );
    }
    note.who = principal.clientId;
    const answer = await handleArm({
      method: req.method ?? 'GET',
      url,
      baseUrl: selfUrl,
      principal,
      estate,
      faults: options.faults,
      note: (operation, fired) => {
        note.target = operation;
        note.faults.push(...fired);
      },
    });
    sendJson(res, answer.status, answer.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `https://${urlHost(options.host)}:${port}`;
  return {
    url: baseUrl,
    caCertificate: cert,
    tokenUrl: baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // SDK clients keep idle connections open; close() alone would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** A fresh self-signed certificate for 127.0.0.1, ::1 and localhost (EC P-256: fast to generate). */
export async function selfSignedCertificate(validDays = 30): Promise<{ cert: string; key: string }> {
  const { cert, private: key } = await generateCertificate(validDays);
  return { cert, key };
}

function generateCertificate(validDays: number) {
  const now = Date.now();
  return generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + validDays * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ArmError(413, 'RequestEntityTooLarge', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function logLine(req: IncomingMessage, res: ServerResponse, note: Note, ms: number): string {
  const what = note.target ?? `${req.method} ${req.url}`;
  const outcome = note.error ? `${res.statusCode} ${note.error}` : `${res.statusCode}`;
  const faults = note.faults.length > 0 ? ` faults=${note.faults.join(',')}` : '';
  const who = note.who ? ` client=${note.who}` : '';
  return `${new Date().toISOString()} azure ${what}${who} -> ${outcome} ${ms.toFixed(0)}ms${faults}`;
}

/** `https://<Host header>` when it names this listener by a name its certificate covers, else the bound address. */
function requestBaseUrl(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  if (!host) return fallback;
  const port = new URL(fallback).port;
  const allowed = ['127.0.0.1', 'localhost', '[::1]'].map((h) => `${h}:${port}`);
  return allowed.includes(host.toLowerCase()) ? `https://${host.toLowerCase()}` : fallback;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
