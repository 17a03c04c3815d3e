import { describe, expect, it } from 'vitest';
import { parseDiscoverArgs } from './discover.command';
import { UsageError } from './providers/options';
import { parseScanArgs, SCAN_USAGE } from './scan.command';

const creds = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };
const aws = ['--provider', 'aws', '--region', 'us-east-1', '--region', 'eu-west-1'];

describe('parseScanArgs', () => {
  it('takes the listing flags discover takes, JSON by default and no gate', async () => {
    const req = await parseScanArgs(aws, creds);
    expect(req).toEqual({ run: expect.objectContaining({ provider: 'aws', scope: 'aws' }), format: 'json' });
    expect(req.run.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(req.run).toEqual({ ...(await parseDiscoverArgs(aws, creds)), target: expect.any(Function) });
  });

  it('reads --format sarif and --fail-on', async () => {
    await expect(
      parseScanArgs([...aws, '--format', 'sarif', '--fail-on', 'high'], creds),
    ).resolves.toMatchObject({
      format: 'sarif',
      failOn: 'high',
    });
    for (const s of ['critical', 'high', 'medium', 'low', 'info']) {
      await expect(parseScanArgs([...aws, '--fail-on', s], creds)).resolves.toMatchObject({ failOn: s });
    }
  });

  it('names each usage mistake, with the usage, before reading credentials', async () => {
    const cases: [string[], RegExp][] = [
      [
        [...aws, '--fail-on', 'severe'],
        /--fail-on must be one of critical, high, medium, low, info, not severe/,
      ],
      [[...aws, '--fail-on', 'HIGH'], /--fail-on must be one of/],
      [[...aws, '--format', 'yaml'], /--format must be json or sarif/],
      [[...aws, '--fail-on'], /Option '--fail-on <value>' argument missing/],
      [[...aws, '--bogus'], /Unknown option '--bogus'/],
      [['--fail-on', 'high'], /--provider must be aws, azure or gcp/],
    ];
    for (const [args, message] of cases) {
      const attempt = parseScanArgs(args, {});
      await expect(attempt, args.join(' ')).rejects.toThrow(message);
      await expect(parseScanArgs(args, {})).rejects.toBeInstanceOf(UsageError);
      await expect(parseScanArgs(args, {})).rejects.toThrow(SCAN_USAGE);
    }
    await expect(parseScanArgs(aws, {})).rejects.toThrow(/set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });

  it('shows every provider in the usage, with the scan flags', () => {
    expect(SCAN_USAGE.split('\n').filter((l) => l.includes('aispm scan --provider'))).toHaveLength(3);
    expect(SCAN_USAGE).toContain('[--format json|sarif] [--fail-on critical|high|medium|low|info]');
  });
});

describe('parseDiscoverArgs', () => {
  it('refuses the scan-only flag and format', async () => {
    await expect(parseDiscoverArgs([...aws, '--format', 'sarif'], creds)).rejects.toThrow(
      /--format must be json\n/,
    );
    await expect(parseDiscoverArgs([...aws, '--fail-on', 'high'], creds)).rejects.toThrow(
      /Unknown option '--fail-on'/,
    );
  });
});
