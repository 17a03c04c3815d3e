/** The e2e tier's own database and Redis db, so it never touches a running demo. */
export const e2eEnv = {
  DATABASE_ADMIN_URL:
    process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm_test',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgresql://aispm_app@127.0.0.1:5432/aispm_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
  LOG_LEVEL: 'silent',
  // Tests sign in hundreds of times a minute from one address.
  LOGIN_ATTEMPTS_PER_MINUTE: '100000',
  API_REQUESTS_PER_MINUTE: '1000000',
  // The cloud simulator listens on loopback, which user-supplied URLs may not reach by default.
  OUTBOUND_ALLOW: '127.0.0.0/8,::1/128',
};
