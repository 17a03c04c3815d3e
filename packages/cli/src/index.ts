export { main } from './main';
export { parseDiscoverArgs, UsageError, type DiscoverOutput } from './discover.command';
export { discover, type DiscoverResult } from './discover.run';
export { parseScanArgs, type ScanFormat, type ScanRequest } from './scan.command';
export { evaluateInventory, type ScanFinding, type ScanOutput } from './scan.findings';
export { failedAtOrAbove, scanExitCode } from './scan.gate';
export { toSarif, type SarifLog } from './scan.sarif';
export { scan, type ScanResult } from './scan.run';
