/** DI tokens. Constructor parameters are injected by token explicitly, so no reflection metadata is needed. */
export const ENV = Symbol('ENV');
export const DATABASE = Symbol('DATABASE');
export const JOB_QUEUES = Symbol('JOB_QUEUES');
export const REDIS = Symbol('REDIS');
export const CIPHER = Symbol('CIPHER');
export const LOGGER = Symbol('LOGGER');
export const METRICS = Symbol('METRICS');
