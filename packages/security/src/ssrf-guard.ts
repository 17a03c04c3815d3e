import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

type IP = ipaddr.IPv4 | ipaddr.IPv6;

/** One operator-allowed range from OUTBOUND_ALLOW. */
export interface OutboundRange {
  /** Normalised CIDR text, e.g. `127.0.0.0/8`. */
  readonly cidr: string;
  readonly network: IP;
  readonly prefix: number;
}

/**
 * Which addresses the platform may call. Public unicast addresses are always allowed; non-public ones only when the
 * operator lists their range in OUTBOUND_ALLOW, or writes `private` there to allow every non-public range.
 */
export interface OutboundPolicy {
  readonly allowNonPublic: boolean;
  readonly ranges: readonly OutboundRange[];
}

export type OutboundCheck = { ok: true; addresses: string[] } | { ok: false; reason: string };

/** Resolves a host name to every address it has (IPv4 and IPv6), in the resolver's order. */
export type HostResolver = (host: string) => Promise<string[]>;

export interface OutboundCheckOptions {
  /** Replaces the system resolver (tests, or a resolver the caller already trusts). */
  resolve?: HostResolver;
}

/** The error a {@link guardedLookup} hands to the socket when the resolved address is not allowed. */
export class OutboundBlockedError extends Error {
  override readonly name = 'OutboundBlockedError';
  readonly code = 'ERR_OUTBOUND_BLOCKED';
}

const ENTRY_HELP = 'a CIDR such as 10.0.0.0/8 or ::1/128, or the word "private"';

/**
 * Parses OUTBOUND_ALLOW: empty or unset allows public addresses only; otherwise a comma-separated list of CIDRs
 * and/or `private` (every non-public range). Throws an Error naming the first bad entry.
 */
export function parseOutboundPolicy(value: string | undefined): OutboundPolicy {
  let allowNonPublic = false;
  const ranges: OutboundRange[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry.toLowerCase() === 'private') {
      allowNonPublic = true;
      continue;
    }
    const range = parseCidr(entry);
    if (!range) throw new Error(`entry "${entry}" is not ${ENTRY_HELP}`);
    ranges.push(range);
  }
  return { allowNonPublic, ranges };
}

// Strict on purpose: an operator's allow-list is read as written, so octal, hex or shortened IPv4 forms are refused.
function parseCidr(entry: string): OutboundRange | null {
  const slash = entry.lastIndexOf('/');
  if (slash < 0) return null;
  const text = entry.slice(0, slash);
  const bits = entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return null;
  let prefix = Number(bits);
  let network: IP;
  if (text.includes(':')) {
    if (text.includes('%') || !ipaddr.IPv6.isValid(text) || prefix > 128) return null;
    network = ipaddr.IPv6.parse(text);
    // Addresses are compared after unmapping ::ffff:a.b.c.d, so a mapped range is kept as its IPv4 range.
    if (network.isIPv4MappedAddress() && prefix >= 96) {
      network = network.toIPv4Address();
      prefix -= 96;
    }
  } else {
    if (!ipaddr.IPv4.isValidFourPartDecimal(text) || prefix > 32) return null;
    network = ipaddr.IPv4.parse(text);
  }
  return { cidr: `${network.toString()}/${prefix}`, network, prefix };
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

const RANGE_LABELS: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  reserved: 'reserved',
  uniqueLocal: 'unique-local',
  rfc6145: 'IPv4-translated',
  rfc6052: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
  benchmarking: 'benchmarking',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
};

function rangeLabel(range: string): string {
  return RANGE_LABELS[range] ?? range;
}

/** The address's range; `unicast` is the only public one. IPv4-mapped IPv6 is judged as the IPv4 it maps. */
function classify(ip: IP): { ip: IP; range: string } {
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    return classify((ip as ipaddr.IPv6).toIPv4Address());
  }
  const range = ip.range();
  // ipaddr.js calls all of ::/8 (IPv4-compatible ::a.b.c.d included) unicast, but only 2000::/3 is routed publicly.
  if (range === 'unicast' && ip.kind() === 'ipv6' && !ip.match(GLOBAL_UNICAST_V6))
    return { ip, range: 'reserved' };
  return { ip, range };
}

interface Refusal {
  address: string;
  /** Where the address sits, e.g. `in the loopback range`. */
  where: string;
  /** The single-address CIDR that would allow it; null when the resolver's answer is not an address at all. */
  allowWith: string | null;
}

// Where cloud instance metadata answers (AWS, GCP, Azure; AWS's IPv6 one): the classic SSRF target.
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254']);

function judge(address: string, policy: OutboundPolicy): Refusal | null {
  if (!isIP(address))
    return { address: `"${address}"`, where: 'which is not an IP address', allowWith: null };
  const { ip, range } = classify(ipaddr.parse(address));
  if (range === 'unicast' || policy.allowNonPublic) return null;
  if (policy.ranges.some((r) => r.network.kind() === ip.kind() && ip.match(r.network, r.prefix))) return null;
  const text = ip.toString();
  const note = METADATA.has(text) ? ' (cloud instance metadata)' : '';
  return {
    address: text,
    where: `in the ${rangeLabel(range)} range${note}`,
    allowWith: `${text}/${ip.kind() === 'ipv4' ? 32 : 128}`,
  };
}

function refusalReason(host: string, literal: boolean, refused: Refusal[]): string {
  const [only] = refused;
  const what =
    literal && only
      ? `${host} is ${only.address === host ? '' : `${only.address}, `}${only.where}.`
      : `Host "${host}" resolves to ${refused.map((r) => `${r.address} ${r.where}`).join(' and ')}.`;
  const cidrs = [...new Set(refused.flatMap((r) => (r.allowWith ? [r.allowWith] : [])))];
  if (!cidrs.length) return what;
  return (
    `${what} Only public addresses may be called; to allow this, the operator can set ` +
    `OUTBOUND_ALLOW=${cidrs.join(',')} (comma-separated CIDRs, or "private" for every non-public range).`
  );
}

// RFC 6761: localhost names are loopback whatever a resolver says, so a poisoned resolver cannot make them public.
const LOOPBACK = ['127.0.0.1', '::1'];

function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/** Lower case, without IPv6 brackets and without the trailing dot of a fully qualified name. */
function normaliseHost(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

const systemResolver: HostResolver = async (host) =>
  (await lookup(host, { all: true, order: 'verbatim' })).map((a) => a.address);

type Resolution = { ok: true; literal: boolean; addresses: string[] } | { ok: false; reason: string };

async function resolveHost(host: string, resolve: HostResolver): Promise<Resolution> {
  if (isIP(host)) return { ok: true, literal: true, addresses: [host] };
  if (isLocalhostName(host)) return { ok: true, literal: false, addresses: [...LOOPBACK] };
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    return {
      ok: false,
      reason: `Host "${host}" could not be resolved${code ? ` (${code})` : ''}: check the name and that it exists in DNS.`,
    };
  }
  if (addresses.length === 0) return { ok: false, reason: `Host "${host}" has no IP address.` };
  return { ok: true, literal: false, addresses };
}

/**
 * Decides whether a user-supplied URL may be called: http or https only, no credentials in it, and every address
 * its host resolves to allowed by the policy (one non-public address is enough to refuse, so a name cannot hide an
 * internal address behind a public one). Never throws; the reason is written for the user who typed the URL.
 *
 * The HTTP client must still connect with {@link guardedLookup}: the name may resolve differently a moment later.
 */
export async function checkOutboundUrl(
  url: string,
  policy: OutboundPolicy,
  opts: OutboundCheckOptions = {},
): Promise<OutboundCheck> {
  try {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, reason: 'The URL is not valid.' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return {
        ok: false,
        reason: `Only http and https URLs can be called, not ${parsed.protocol.slice(0, -1)}.`,
      };
    }
    if (parsed.username || parsed.password) {
      return { ok: false, reason: 'The URL must not contain credentials (user:password@); remove them.' };
    }
    // WHATWG parsing already rewrote decimal, octal, hex and shortened IPv4 hosts as dotted decimal.
    const host = normaliseHost(parsed.hostname);
    if (!host) return { ok: false, reason: 'The URL has no host.' };
    const resolved = await resolveHost(host, opts.resolve ?? systemResolver);
    if (!resolved.ok) return resolved;
    const refused = resolved.addresses.flatMap((a) => judge(a, policy) ?? []);
    if (refused.length) return { ok: false, reason: refusalReason(host, resolved.literal, refused) };
    return { ok: true, addresses: resolved.addresses };
  } catch (e) {
    return { ok: false, reason: `The URL could not be checked: ${(e as Error).message}` };
  }
}

function wantedFamily(family: number | string | undefined): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

/**
 * A `lookup` for `net.connect`, `http.Agent` and friends that resolves the host and refuses the connection (with an
 * {@link OutboundBlockedError}) unless every address is allowed by the policy. Checking at connection time closes the
 * DNS-rebinding gap between {@link checkOutboundUrl} and the request. Node skips `lookup` for IP-literal hosts, so
 * callers must still run {@link checkOutboundUrl} on the URL first.
 */
export function guardedLookup(policy: OutboundPolicy, opts: OutboundCheckOptions = {}): LookupFunction {
  const resolve = opts.resolve ?? systemResolver;
  return (hostname, options, callback) => {
    const fail = (err: NodeJS.ErrnoException) => callback(err, options.all ? [] : '', undefined);
    const host = normaliseHost(hostname);
    resolveHost(host, resolve).then(
      (resolved) => {
        if (!resolved.ok) {
          const err: NodeJS.ErrnoException = new Error(resolved.reason);
          err.code = 'ENOTFOUND';
          return fail(err);
        }
        // Only the addresses the socket may connect to matter, so a family restriction narrows the check.
        const family = wantedFamily(options.family);
        const usable = resolved.addresses.filter((a) => family === 0 || isIP(a) === family || !isIP(a));
        const refused = usable.flatMap((a) => judge(a, policy) ?? []);
        if (refused.length)
          return fail(new OutboundBlockedError(refusalReason(host, resolved.literal, refused)));
        const addresses = usable.map((address) => ({ address, family: isIP(address) }));
        const first = addresses[0];
        if (!first) {
          const err: NodeJS.ErrnoException = new Error(`Host "${host}" has no IPv${family} address.`);
          err.code = 'ENOTFOUND';
          return fail(err);
        }
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (e: unknown) => fail(e as NodeJS.ErrnoException),
    );
  };
}
