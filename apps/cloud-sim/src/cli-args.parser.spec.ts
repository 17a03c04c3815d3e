import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_PORT, parseCliArgs } from './cli-args.parser';

describe('parseCliArgs', () => {
  it('uses the documented defaults', () => {
    expect(parseCliArgs([], {})).toEqual({
      port: DEFAULT_PORT,
      azurePort: 4511,
      gcpPort: 4512,
      host: '127.0.0.1',
      seed: 42,
      notebooks: undefined,
      assets: undefined,
      stateDir: undefined,
      faults: [],
      verbose: false,
      help: false,
    });
  });

  it('reads SIM_* environment variables and lets flags win over them', () => {
    const env = { SIM_PORT: '5000', SIM_SEED: '7', SIM_NOTEBOOKS: '30', SIM_HOST: '0.0.0.0' };
    expect(parseCliArgs([], env)).toMatchObject({ port: 5000, seed: 7, notebooks: 30, host: '0.0.0.0' });
    expect(parseCliArgs(['--port', '0', '--seed', '9'], env)).toMatchObject({
      port: 0,
      seed: 9,
      notebooks: 30,
    });
  });

  it('sizes the estate with --assets and refuses a size it cannot hold', () => {
    expect(parseCliArgs(['--assets', '100000', '--seed', '42'], {})).toMatchObject({
      assets: 100_000,
      seed: 42,
    });
    expect(parseCliArgs([], { SIM_ASSETS: '500' })).toMatchObject({ assets: 500 });
    expect(() => parseCliArgs(['--assets', '2000000'], {})).toThrow(
      /--assets must be a whole number from 0 to 1000000/,
    );
  });

  it('collects repeated --fault flags', () => {
    const opts = parseCliArgs(
      ['--fault', 'sagemaker:throttle:0.3', '--fault', 'sagemaker:latency:50', '--verbose'],
      {},
    );
    expect(opts.faults).toEqual([
      { service: 'sagemaker', kind: 'throttle', rate: 0.3 },
      { service: 'sagemaker', kind: 'latency', ms: 50 },
    ]);
    expect(opts.verbose).toBe(true);
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, got 'abc'/],
    [['--port', '70000'], /--port/],
    [['--seed', '-1'], /--seed/],
    [['--notebooks', '2.5'], /--notebooks/],
    [['--fault', 'sagemaker:throttle:9'], /rate must be from 0 to 1/],
    [['--colour'], /Unknown option '--colour'/],
    [['stray'], /positional/],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv, {})).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, {})).toThrow(message);
  });

  it('rejects a malformed SIM_PORT instead of ignoring it', () => {
    expect(() => parseCliArgs([], { SIM_PORT: 'eighty' })).toThrow(/--port/);
  });
});
