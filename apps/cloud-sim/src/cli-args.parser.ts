import { parseArgs } from 'node:util';
import { DEFAULT_NOTEBOOK_COUNT, DEFAULT_SEED } from './estate';
import { parseFaultSpec, type FaultRule } from './fault-injector';

export const USAGE = `Usage: tsx src/main.ts [options]

  --port <n>        port to listen on; 0 picks a free one    (env SIM_PORT, default 4510)
  --host <addr>     address to bind                          (env SIM_HOST, default 127.0.0.1)
  --seed <n>        estate seed; same seed, same estate      (env SIM_SEED, default ${DEFAULT_SEED})
  --notebooks <n>   notebook instances across both regions   (env SIM_NOTEBOOKS, default ${DEFAULT_NOTEBOOK_COUNT})
  --fault <spec>    inject a fault, repeatable:
                      sagemaker:throttle:0.3             30% of calls get ThrottlingException
                      sagemaker.ListTags:internal:0.1    10% of ListTags calls get a 500 InternalFailure
                      sagemaker:latency:250              250 ms added to every call
                      sagemaker:fail-page:2              page 2 of every listing fails with a 500
  --verbose         log one line per request
  --help            show this help`;

export const DEFAULT_PORT = 4510;

export interface CliOptions {
  port: number;
  host: string;
  seed: number;
  notebooks: number;
  faults: FaultRule[];
  verbose: boolean;
  help: boolean;
}

/** A mistake in the command line; main prints it with the usage and exits with code 2. */
export class CliUsageError extends Error {}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        notebooks: { type: 'string' },
        fault: { type: 'string', multiple: true },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new CliUsageError((err as Error).message);
  }
  const faults = (values.fault ?? []).map((spec) => {
    try {
      return parseFaultSpec(spec);
    } catch (err) {
      throw new CliUsageError((err as Error).message);
    }
  });
  return {
    port: integerOption('--port', values.port ?? env.SIM_PORT, DEFAULT_PORT, 0, 65_535),
    host: values.host ?? env.SIM_HOST ?? '127.0.0.1',
    seed: integerOption('--seed', values.seed ?? env.SIM_SEED, DEFAULT_SEED, 0, 0xffff_ffff),
    notebooks: integerOption(
      '--notebooks',
      values.notebooks ?? env.SIM_NOTEBOOKS,
      DEFAULT_NOTEBOOK_COUNT,
      0,
      1000,
    ),
    faults,
    verbose: values.verbose,
    help: values.help,
  };
}

function integerOption(
  flag: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}
