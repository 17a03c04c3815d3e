import { SIM_AWS_ACCESS_KEY_ID, SIM_AWS_SECRET_ACCESS_KEY } from './aws/credentials';
import { CliUsageError, parseCliArgs, USAGE, type CliOptions } from './cli-args.parser';
import { notebooksInRegion } from './estate';
import { startSimulator } from './server';

// A reader that stops after the first line (`| head -1`, a test) must not take the simulator down with EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

let options: CliOptions;
try {
  options = parseCliArgs(process.argv.slice(2), process.env);
} catch (err) {
  if (!(err instanceof CliUsageError)) throw err;
  console.error(`cloud-sim: ${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const sim = await startSimulator({
    port: options.port,
    azurePort: options.azurePort,
    gcpPort: options.gcpPort,
    host: options.host,
    seed: options.seed,
    notebooks: options.notebooks,
    assets: options.assets,
    stateDir: options.stateDir,
    faults: options.faults,
    log: options.verbose ? (line) => console.log(line) : undefined,
  });
  const perRegion = sim.estate.regions
    .map((r) => `${r}=${notebooksInRegion(sim.estate, r).length}`)
    .join(' ');
  console.log(
    `cloud-sim listening on ${sim.url} (seed ${sim.estate.seed}, notebooks ${perRegion}) ` +
      `AWS_ACCESS_KEY_ID=${SIM_AWS_ACCESS_KEY_ID} AWS_SECRET_ACCESS_KEY=${SIM_AWS_SECRET_ACCESS_KEY}`,
  );
  if (sim.azure)
    console.log(
      `cloud-sim Azure Resource Manager on ${sim.azure.url} (token endpoint ${sim.azure.tokenUrl ?? '-'})`,
    );
  if (sim.gcp)
    console.log(`cloud-sim Google APIs on ${sim.gcp.url} (token endpoint ${sim.gcp.tokenUrl ?? '-'})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`cloud-sim: error while stopping on ${signal}`, err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === 'EADDRINUSE' ? `port ${options.port} is already in use` : String(err);
  console.error(`cloud-sim: could not start: ${reason}`);
  process.exit(1);
}
