import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type NetConnectOpts, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OutboundBlockedError,
  checkOutboundUrl,
  guardedLookup,
  parseOutboundPolicy,
  type HostResolver,
} from './ssrf-guard';

const publicOnly = parseOutboundPolicy(undefined);

/** A resolver with fixed answers that records what it was asked; unknown names fail like DNS does. */
function fakeDns(answers: Record<string, string[]>): HostResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    const found = answers[host];
    if (found) return found;
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  };
  return Object.assign(resolve, { asked });
}

/** Fails the test if a check that should never reach DNS asks it anything. */
const noDns: HostResolver = async (host) => {
  throw new Error(`resolver must not be called (asked for ${host})`);
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function refusal(url: string, policy = publicOnly, resolve: HostResolver = noDns): Promise<string> {
  const result = await checkOutboundUrl(url, policy, { resolve });
  if (result.ok) throw new Error(`${url} was allowed: ${result.addresses.join(', ')}`);
  return result.reason;
}

// [url, the address the reason names, the range it names]
const blocked: [string, string, string][] = [
  ['http://127.0.0.1/', '127.0.0.1', 'loopback'],
  ['http://127.0.0.1:1/', '127.0.0.1', 'loopback'],
  ['http://2130706433/', '127.0.0.1', 'loopback'],
  ['http://0177.0.0.1/', '127.0.0.1', 'loopback'],
  ['http://0x7f.0.0.1/', '127.0.0.1', 'loopback'],
  ['http://0x7f000001/', '127.0.0.1', 'loopback'],
  ['http://017700000001/', '127.0.0.1', 'loopback'],
  ['http://127.1/', '127.0.0.1', 'loopback'],
  ['http://%31%32%37.0.0.1/', '127.0.0.1', 'loopback'],
  ['http://127.0.0.1./', '127.0.0.1', 'loopback'],
  ['http://127.8.9.10/', '127.8.9.10', 'loopback'],
  ['http://[::ffff:127.0.0.1]/', '127.0.0.1', 'loopback'],
  ['http://[::ffff:7f00:1]:8080/', '127.0.0.1', 'loopback'],
  ['http://[0:0:0:0:0:ffff:a9fe:a9fe]/', '169.254.169.254', 'link-local'],
  ['http://[::1]/', '::1', 'loopback'],
  ['http://[::1]:8080/', '::1', 'loopback'],
  ['http://[0:0:0:0:0:0:0:1]/', '::1', 'loopback'],
  ['http://0.0.0.0/', '0.0.0.0', 'unspecified'],
  ['http://0/', '0.0.0.0', 'unspecified'],
  ['http://[::]/', '::', 'unspecified'],
  ['http://localhost/', '127.0.0.1', 'loopback'],
  ['http://LOCALHOST.:3000/', '::1', 'loopback'],
  ['http://admin.localhost/', '127.0.0.1', 'loopback'],
  ['http://10.0.0.1/', '10.0.0.1', 'private'],
  ['http://172.16.5.4/', '172.16.5.4', 'private'],
  ['http://192.168.1.1/', '192.168.1.1', 'private'],
  ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'link-local'],
  ['http://[fe80::1]/', 'fe80::1', 'link-local'],
  ['http://[fd00:ec2::254]/', 'fd00:ec2::254', 'unique-local'],
  ['http://100.64.0.1/', '100.64.0.1', 'carrier-grade NAT'],
  ['http://192.0.2.1/', '192.0.2.1', 'reserved'],
  ['http://240.0.0.1/', '240.0.0.1', 'reserved'],
  ['http://255.255.255.255/', '255.255.255.255', 'broadcast'],
  ['http://224.0.0.1/', '224.0.0.1', 'multicast'],
  ['http://[ff02::1]/', 'ff02::1', 'multicast'],
  ['http://[2002:c0a8:101::]/', '2002:c0a8:101::', '6to4'],
  ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', '2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
  ['http://[64:ff9b::a00:1]/', '64:ff9b::a00:1', 'NAT64'],
  ['http://[::127.0.0.1]/', '::7f00:1', 'reserved'],
  ['http://[fec0::1]/', 'fec0::1', 'site-local'],
];

describe('parseOutboundPolicy', () => {
  it.each([undefined, '', '  ', ' , '])('allows public addresses only for %j', (value) => {
    expect(parseOutboundPolicy(value)).toEqual({ allowNonPublic: false, ranges: [] });
  });

  it('reads a comma list of IPv4 and IPv6 CIDRs, normalised', () => {
    const policy = parseOutboundPolicy(' 127.0.0.0/8, ::1/128,10.0.0.0/8,fd00:0:0::/8 ');
    expect(policy.allowNonPublic).toBe(false);
    expect(policy.ranges.map((r) => r.cidr)).toEqual(['127.0.0.0/8', '::1/128', '10.0.0.0/8', 'fd00::/8']);
  });

  it('reads "private" (any case) as every non-public range, alongside CIDRs', () => {
    expect(parseOutboundPolicy('private').allowNonPublic).toBe(true);
    const mixed = parseOutboundPolicy('PRIVATE,10.0.0.0/8');
    expect(mixed.allowNonPublic).toBe(true);
    expect(mixed.ranges.map((r) => r.cidr)).toEqual(['10.0.0.0/8']);
  });

  it('keeps an IPv4-mapped IPv6 range as the IPv4 range it maps', () => {
    expect(parseOutboundPolicy('::ffff:127.0.0.0/104').ranges.map((r) => r.cidr)).toEqual(['127.0.0.0/8']);
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '::1/129',
    '10.0.0.0/-1',
    '10.0.0.0/8/8',
    '10.0.0.0/',
    '/8',
    '0x7f.0.0.0/8',
    '0177.0.0.0/8',
    '127.1/8',
    '2130706433/32',
    '999.0.0.0/8',
    'fe80::%eth0/64',
    'localhost',
    'privat',
    'public',
  ])('refuses %j, naming the entry', (entry) => {
    expect(() => parseOutboundPolicy(`127.0.0.0/8,${entry},::1/128`)).toThrowError(
      `entry "${entry}" is not a CIDR such as 10.0.0.0/8 or ::1/128, or the word "private"`,
    );
  });
});

describe('checkOutboundUrl, public addresses only', () => {
  it('allows a public name, returning every address it resolves to', async () => {
    const dns = fakeDns({ 'api.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] });
    const result = await checkOutboundUrl('https://API.Example.com./v1?x=1', publicOnly, { resolve: dns });
    expect(result).toEqual({
      ok: true,
      addresses: ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
    expect(dns.asked).toEqual(['api.example.com']);
  });

  it.each([
    ['http://8.8.8.8/', '8.8.8.8'],
    ['https://[2606:4700:4700::1111]:8443/', '2606:4700:4700::1111'],
    ['http://134744072/', '8.8.8.8'],
  ])('allows the public literal %s without asking DNS', async (url, address) => {
    expect(await checkOutboundUrl(url, publicOnly, { resolve: noDns })).toEqual({
      ok: true,
      addresses: [address],
    });
  });

  // The resolver claims every name is public, so only the guard's own rules can refuse these.
  const liar: HostResolver = async () => ['93.184.215.14'];

  it.each(blocked)(
    'refuses %s, naming %s in the %s range and how to allow it',
    async (url, address, range) => {
      const reason = await refusal(url, publicOnly, liar);
      expect(reason).toMatch(new RegExp(`${escapeRegExp(address)}(,| is)? in the ${range} range`));
      const bits = address.includes(':') ? 128 : 32;
      expect(reason).toMatch(new RegExp(`OUTBOUND_ALLOW=(\\S+,)?${escapeRegExp(address)}/${bits}[ ,]`));
    },
  );

  it('calls 169.254.169.254 out as the cloud metadata service', async () => {
    expect(await refusal('http://169.254.169.254/')).toBe(
      '169.254.169.254 is in the link-local range (cloud instance metadata). Only public addresses may be called; ' +
        'to allow this, the operator can set OUTBOUND_ALLOW=169.254.169.254/32 ' +
        '(comma-separated CIDRs, or "private" for every non-public range).',
    );
  });

  it('refuses a public-looking name that resolves to a private address', async () => {
    const reason = await refusal(
      'https://intranet.example.com/',
      publicOnly,
      fakeDns({ 'intranet.example.com': ['10.1.2.3'] }),
    );
    expect(reason).toContain('Host "intranet.example.com" resolves to 10.1.2.3 in the private range.');
    expect(reason).toContain('OUTBOUND_ALLOW=10.1.2.3/32');
  });

  it('refuses a name with one public and one private address, naming only the private one', async () => {
    const dns = fakeDns({ 'mixed.example.com': ['93.184.215.14', '127.0.0.1'] });
    const reason = await refusal('https://mixed.example.com/', publicOnly, dns);
    expect(reason).toContain('resolves to 127.0.0.1 in the loopback range');
    expect(reason).not.toContain('93.184.215.14');
  });

  it('refuses a name that resolves to an IPv4-mapped private address', async () => {
    const reason = await refusal(
      'https://m.example.com/',
      publicOnly,
      fakeDns({ 'm.example.com': ['::ffff:10.0.0.1'] }),
    );
    expect(reason).toContain('10.0.0.1 in the private range');
  });

  it('refuses a resolver answer that is not an IP address', async () => {
    const reason = await refusal(
      'https://odd.example.com/',
      publicOnly,
      fakeDns({ 'odd.example.com': ['0x7f.1'] }),
    );
    expect(reason).toBe('Host "odd.example.com" resolves to "0x7f.1" which is not an IP address.');
  });

  it('treats localhost as loopback even when the resolver says otherwise', async () => {
    const dns = fakeDns({ localhost: ['93.184.215.14'] });
    expect(await refusal('http://localhost:3000/', publicOnly, dns)).toContain(
      'Host "localhost" resolves to 127.0.0.1 in the loopback range and ::1 in the loopback range.',
    );
    expect(dns.asked).toEqual([]);
  });

  it('explains a name that does not resolve, and one with no address', async () => {
    expect(await refusal('https://nope.example.com/', publicOnly, fakeDns({}))).toBe(
      'Host "nope.example.com" could not be resolved (ENOTFOUND): check the name and that it exists in DNS.',
    );
    expect(
      await refusal('https://empty.example.com/', publicOnly, fakeDns({ 'empty.example.com': [] })),
    ).toBe('Host "empty.example.com" has no IP address.');
  });

  it('never throws, even when the resolver does so synchronously', async () => {
    const throwing: HostResolver = (host) => {
      throw new Error(`boom ${host}`);
    };
    expect(await refusal('https://x.example.com/', publicOnly, throwing)).toContain(
      'Host "x.example.com" could not be resolved',
    );
  });

  it.each([
    'ftp://example.com/',
    'file:///etc/passwd',
    'gopher://127.0.0.1:25/',
    'ws://example.com/',
    'javascript:alert(1)',
    'data:text/plain,hi',
  ])('refuses the non-http scheme of %s', async (url) => {
    expect(await refusal(url)).toMatch(/^Only http and https URLs can be called, not [a-z]+\.$/);
  });

  it.each(['http://user:hunter2@example.com/', 'https://user@example.com/', 'https://:hunter2@8.8.8.8/'])(
    'refuses credentials in %s without repeating them',
    async (url) => {
      const reason = await refusal(url);
      expect(reason).toBe('The URL must not contain credentials (user:password@); remove them.');
    },
  );

  it.each(['', 'not a url', 'http://', 'http://[::1/', '//example.com/'])(
    'refuses the invalid URL %j',
    async (url) => {
      expect(await refusal(url)).toBe('The URL is not valid.');
    },
  );
});

describe('checkOutboundUrl with OUTBOUND_ALLOW', () => {
  it('127.0.0.0/8 lets loopback IPv4 through but still refuses private and metadata addresses', async () => {
    const policy = parseOutboundPolicy('127.0.0.0/8');
    expect(await checkOutboundUrl('http://127.0.0.1:4510/', policy, { resolve: noDns })).toEqual({
      ok: true,
      addresses: ['127.0.0.1'],
    });
    expect(await checkOutboundUrl('http://2130706433/', policy, { resolve: noDns })).toEqual({
      ok: true,
      addresses: ['127.0.0.1'],
    });
    expect(await checkOutboundUrl('http://[::ffff:127.0.0.1]/', policy, { resolve: noDns })).toMatchObject({
      ok: true,
    });
    expect(await refusal('http://10.0.0.1/', policy)).toContain('10.0.0.1 is in the private range.');
    expect(await refusal('http://169.254.169.254/', policy)).toContain(
      '169.254.169.254 is in the link-local range',
    );
    // An IPv4 range says nothing about IPv6 loopback, so localhost (127.0.0.1 and ::1) still needs ::1/128.
    const reason = await refusal('http://localhost/', policy);
    expect(reason).toContain('::1 in the loopback range');
    expect(reason).not.toContain('127.0.0.1 in');
    expect(await refusal('http://[::1]/', policy)).toContain('::1 is in the loopback range');
  });

  it('127.0.0.0/8,::1/128 (the local default) allows localhost in both families', async () => {
    const policy = parseOutboundPolicy('127.0.0.0/8,::1/128');
    expect(await checkOutboundUrl('http://localhost:4510/', policy)).toEqual({
      ok: true,
      addresses: ['127.0.0.1', '::1'],
    });
    expect(await checkOutboundUrl('http://[::1]:8080/', policy)).toEqual({ ok: true, addresses: ['::1'] });
  });

  it('a CIDR allows a name whose every address is inside it, and only then', async () => {
    const policy = parseOutboundPolicy('10.0.0.0/8');
    const dns = fakeDns({ 'a.corp': ['10.1.2.3', '93.184.215.14'], 'b.corp': ['10.1.2.3', '192.168.0.1'] });
    expect(await checkOutboundUrl('https://a.corp/', policy, { resolve: dns })).toMatchObject({ ok: true });
    expect(await refusal('https://b.corp/', policy, dns)).toContain('192.168.0.1 in the private range');
  });

  it('"private" allows every non-public address the public-only policy refuses', async () => {
    const policy = parseOutboundPolicy('private');
    for (const [url] of blocked) {
      expect(await checkOutboundUrl(url, policy, { resolve: noDns }), url).toMatchObject({ ok: true });
    }
  });

  it('"private" still refuses non-http schemes and credentials', async () => {
    const policy = parseOutboundPolicy('private');
    expect(await refusal('file:///etc/passwd', policy)).toMatch(/^Only http and https/);
    expect(await refusal('http://a:b@127.0.0.1/', policy)).toMatch(/credentials/);
  });
});

describe('guardedLookup at connection time', () => {
  let server: Server;
  let port: number;
  let accepted = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      accepted += 1;
      socket.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });

  /** Connects and reports 'connected' or the error the socket raised. */
  function attempt(options: NetConnectOpts): Promise<'connected' | NodeJS.ErrnoException> {
    return new Promise((resolve) => {
      const socket = connect(options);
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (err) => resolve(err));
    });
  }

  it('refuses localhost when only public addresses are allowed, before any connection is made', async () => {
    const before = accepted;
    const result = await attempt({ host: 'localhost', port, lookup: guardedLookup(publicOnly) });
    expect(result).toBeInstanceOf(OutboundBlockedError);
    expect(result).toMatchObject({ code: 'ERR_OUTBOUND_BLOCKED' });
    expect((result as Error).message).toContain(
      'Host "localhost" resolves to 127.0.0.1 in the loopback range',
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(accepted).toBe(before);
  });

  it('connects to localhost when loopback is allowed, with and without family auto-selection', async () => {
    const lookup = guardedLookup(parseOutboundPolicy('127.0.0.0/8,::1/128'));
    expect(await attempt({ host: 'localhost', port, lookup })).toBe('connected');
    expect(await attempt({ host: 'localhost', port, lookup, autoSelectFamily: false })).toBe('connected');
  });

  it('checks only the family the socket asked for', async () => {
    const lookup = guardedLookup(parseOutboundPolicy('127.0.0.0/8'));
    expect(await attempt({ host: 'localhost', port, lookup, family: 4 })).toBe('connected');
    expect(await attempt({ host: 'localhost', port, lookup })).toBeInstanceOf(OutboundBlockedError);
  });

  it('resolves with the system resolver by default, catching a hex host the URL parser never saw', async () => {
    expect(await attempt({ host: '0x7f.1', port, lookup: guardedLookup(publicOnly) })).toBeInstanceOf(
      OutboundBlockedError,
    );
    expect(
      await attempt({ host: '0x7f.1', port, lookup: guardedLookup(parseOutboundPolicy('127.0.0.0/8')) }),
    ).toBe('connected');
  });

  it('defeats DNS rebinding: a name that was public at check time and loopback at connect time is refused', async () => {
    let calls = 0;
    const rebinding: HostResolver = async () => (calls++ === 0 ? ['93.184.215.14'] : ['127.0.0.1']);
    expect(
      await checkOutboundUrl(`http://rebind.example.com:${port}/`, publicOnly, { resolve: rebinding }),
    ).toEqual({
      ok: true,
      addresses: ['93.184.215.14'],
    });
    const result = await attempt({
      host: 'rebind.example.com',
      port,
      lookup: guardedLookup(publicOnly, { resolve: rebinding }),
    });
    expect(result).toBeInstanceOf(OutboundBlockedError);
    expect((result as Error).message).toContain('Host "rebind.example.com" resolves to 127.0.0.1');
  });

  it('passes on a resolution failure as ENOTFOUND', async () => {
    const result = await attempt({
      host: 'gone.example.com',
      port,
      lookup: guardedLookup(publicOnly, { resolve: fakeDns({}) }),
    });
    expect(result).toMatchObject({ code: 'ENOTFOUND' });
    expect((result as Error).message).toContain('Host "gone.example.com" could not be resolved');
  });
});
