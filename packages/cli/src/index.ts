export { main } from './main';
export { parseDiscoverArgs, UsageError, type DiscoverOutput } from './discover.command';
export { discover, type DiscoverResult } from './discover.run';
