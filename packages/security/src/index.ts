export {
  OutboundBlockedError,
  checkOutboundUrl,
  guardedLookup,
  parseOutboundPolicy,
  type HostResolver,
  type OutboundCheck,
  type OutboundCheckOptions,
  type OutboundPolicy,
  type OutboundRange,
} from './ssrf-guard';
