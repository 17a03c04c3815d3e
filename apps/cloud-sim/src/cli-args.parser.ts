import { parseArgs } from 'node:util';
import { DEFAULT_NOTEBOOK_COUNT, DEFAULT_SEED, MAX_ESTATE_ASSETS } from './estate';
import { parseFaultSpec, type FaultRule } from './fault-injector';

export const USAGE = `Usage: tsx src/main.ts [options]

  --port <n>        AWS port; 0 picks a free one             (env SIM_PORT, default 4510)
  --azure-port <n>  Azure (HTTPS) port; 0 picks a free one   (env SIM_AZURE_PORT, default 4511)
  --gcp-port <n>    Google Cloud port; 0 picks a free one    (env SIM_GCP_PORT, default 4512)
  --host <addr>     address to bind                          (env SIM_HOST, default 127.0.0.1)
  --seed <n>        estate seed; same seed, same estate      (env SIM_SEED, default ${DEFAULT_SEED})
  --notebooks <n>   notebook instances across both regions   (env SIM_NOTEBOOKS, default ${DEFAULT_NOTEBOOK_COUNT})
  --assets <n>      size the whole estate to about n assets  (env SIM_ASSETS; default: the small fixed estate)
                    across SageMaker, Bedrock, IAM/S3/KMS, Azure and Google Cloud, e.g. --assets 100000
  --fault <spec>    inject a fault, repeatable:
                      sagemaker:throttle:0.3             30% of calls get ThrottlingException
                      sagemaker.ListTags:internal:0.1    10% of ListTags calls get a 500 InternalFailure
                      sagemaker:latency:250              250 ms added to every call
                      sagemaker:fail-page:2              page 2 of every listing fails with a 500
  --state-dir <d>   keep the Azure certificate and Google demo keys in d between runs (env SIM_STATE_DIR)
  --verbose         log one line per request
  --help            show this help`;

export const DEFAULT_PORT = 4510;
export const DEFAULT_AZURE_PORT = 4511;
export const DEFAULT_GCP_PORT = 4512;

export interface CliOptions {
  port: number;
  azurePort: number;
  gcpPort: number;
  host: string;
  seed: number;
  /** Undefined: the estate's default (12, or the notebooks' share of --assets). */
  notebooks: number | undefined;
  assets: number | undefined;
  stateDir: string | undefined;
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
        assets: { type: 'string' },
        'state-dir': { type: 'string' },
        'azure-port': { type: 'string' },
        'gcp-port': { type: 'string' },
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
    azurePort: integerOption(
      '--azure-port',
      values['azure-port'] ?? env.SIM_AZURE_PORT,
      DEFAULT_AZURE_PORT,
      0,
      65_535,
    ),
    gcpPort: integerOption('--gcp-port', values['gcp-port'] ?? env.SIM_GCP_PORT, DEFAULT_GCP_PORT, 0, 65_535),
    notebooks: optionalInteger('--notebooks', values.notebooks ?? env.SIM_NOTEBOOKS, 0, MAX_ESTATE_ASSETS),
    assets: optionalInteger('--assets', values.assets ?? env.SIM_ASSETS, 0, MAX_ESTATE_ASSETS),
    stateDir: values['state-dir'] ?? (env.SIM_STATE_DIR || undefined),
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

function optionalInteger(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  return integerOption(flag, raw, min, min, max);
}
