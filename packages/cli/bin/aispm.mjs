#!/usr/bin/env node
// The `aispm` command. Runs the TypeScript sources through tsx, like the services do.
import { register } from 'tsx/esm/api';

// stderr is for failures a pipeline must see; the AWS SDK's notice about future Node versions is not one.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (!`${w.name} ${w.message}`.includes('NodeVersionSupportWarning'))
    process.stderr.write(`${w.name}: ${w.message}\n`);
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
