// Prisma CLI configuration. Migrations run through Prisma's bundled WASM schema engine and the
// node-postgres driver adapter, so nothing is downloaded (Prisma 6.19.3; Prisma 7 always starts a native
// binary). The MigratePg subclass below works around four adapter-pg 6.19.x bugs; delete it once upstream
// fixes them (prisma/orm#27403 and the shadow-database issues noted inline).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// With a `connectionString`, node-postgres lets the URL's database win over `database`, so the adapter's
// shadow pool would hit the main database. Pass discrete fields instead.
// Migrations run as the schema owner (DATABASE_ADMIN_URL); the services connect as aispm_app (DATABASE_URL).
function pgConfig() {
  const url = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_ADMIN_URL is not set (the schema owner, e.g. postgresql://postgres@127.0.0.1:5432/aispm)',
    );
  }
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  };
}

interface PgField {
  dataTypeID: number;
}
interface PatchableQueryable {
  client: { query(sql: string): Promise<unknown> };
  onError(e: unknown): never;
  executeScript(script: string): Promise<void>;
  performIO(query: unknown): Promise<{ fields?: PgField[] } | undefined>;
}

// 1. The WASM engine reads pg_catalog columns of type `name` (oid 19) and `"char"` (oid 18), which adapter-pg
//    cannot deserialize (prisma/orm#27403): report them as text (25), and name[] (1003) as text[] (1009).
// 2. executeScript() splits migration SQL on every ';', breaking dollar-quoted plpgsql bodies: send the
//    script as one simple-protocol query.
const patched = new WeakSet<object>();
function patchQueryable(adapter: object): void {
  const adapterProto = Object.getPrototypeOf(adapter) as PatchableQueryable;
  const proto = Object.getPrototypeOf(adapterProto) as PatchableQueryable;
  if (patched.has(proto)) return;
  patched.add(proto);
  adapterProto.executeScript = async function (this: PatchableQueryable, script: string) {
    try {
      await this.client.query(script);
    } catch (e) {
      this.onError(e);
    }
  };
  const performIO = proto.performIO;
  proto.performIO = async function (this: PatchableQueryable, query: unknown) {
    const res = await performIO.call(this, query);
    for (const f of res?.fields ?? []) {
      if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
      else if (f.dataTypeID === 1003) f.dataTypeID = 1009;
    }
    return res;
  };
}

class MigratePg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    patchQueryable(adapter);
    return adapter;
  }

  // 3. adapter-pg drops the shadow database before closing the shadow pool ("is being accessed by other
  //    users"): close first, then drop.
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new MigratePg({ ...pgConfig(), database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new MigratePg(pgConfig()),
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
