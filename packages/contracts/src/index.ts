export * from './common';
export * from './accounts';
export * from './scans';
export * from './assets';
export * from './findings';
export * from './posture';
export * from './routes';
export * from './auth';
