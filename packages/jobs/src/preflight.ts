import { Redis } from 'ioredis';

/** One clear line instead of a stack trace when Redis is not there. */
export async function checkRedis(redisUrl: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return { ok: true };
  } catch (e) {
    const u = new URL(redisUrl);
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message:
        `Redis is not reachable at ${u.hostname}:${u.port || 6379} (${reason}). ` +
        `Start it (redis-server --daemonize yes, or: docker compose up -d redis) or set REDIS_URL.`,
    };
  } finally {
    client.disconnect();
  }
}
