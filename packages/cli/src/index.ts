export { main } from './main';
export { discover, parseDiscoverArgs, UsageError, type DiscoverOutput } from './discover.command';
