export * from './definitions';
export { JobQueues, createRedisConnection } from './queues';
export { checkRedis } from './preflight';
