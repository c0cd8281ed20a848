// PostgreSQL through node-postgres, used when DATABASE_URL is set. A dedicated connection carries
// LISTEN so that every server process behind a load balancer hears every announcement.
import pg from 'pg';
import type { Db, QueryResult, Queryable } from './db';

const INT8_OID = 20;

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (created if missing): isolates test runs sharing one database. */
  schema?: string;
  maxConnections?: number;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid schema name: ${name}`);
  return `"${name}"`;
}

export async function openPostgresDb(options: PostgresOptions): Promise<Db> {
  // int8 (versions, epoch ms) as numbers, as PGlite returns them; everything else as pg does.
  const typeParsers: pg.CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID
        ? (value: string) => Number(value)
        : (pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(
            oid,
            format,
          )) as pg.CustomTypesConfig['getTypeParser'],
  };
  const schemaOption =
    options.schema === undefined ? {} : { options: `-c search_path=${quoteIdent(options.schema)}` };
  if (options.schema !== undefined) {
    const admin = new pg.Client({ connectionString: options.connectionString });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types: typeParsers,
    ...schemaOption,
  });
  // An idle client losing its connection must not crash the server; the pool replaces it.
  pool.on('error', () => undefined);

  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> => {
      const result = await target.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
  });

  let listener: Promise<pg.Client> | null = null;
  let closed = false;
  const channels = new Map<string, Set<(payload: string) => void>>();

  /** The LISTEN connection; when it drops, a new one re-subscribes every channel. */
  function listenerClient(): Promise<pg.Client> {
    listener ??= (async () => {
      const client = new pg.Client({ connectionString: options.connectionString, ...schemaOption });
      const reconnect = () => {
        listener = null;
        if (closed) return;
        setTimeout(() => {
          if (!closed && channels.size > 0) void listenerClient().catch(reconnect);
        }, 1_000).unref();
      };
      client.on('notification', (message) => {
        for (const handler of channels.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      client.on('error', reconnect);
      await client.connect();
      for (const channel of channels.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
      return client;
    })();
    return listener;
  }

  return {
    kind: 'postgres',
    query: wrap(pool).query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async listen(channel, onPayload) {
      const client = await listenerClient();
      let handlers = channels.get(channel);
      if (!handlers) {
        handlers = new Set();
        channels.set(channel, handlers);
        await client.query(`LISTEN ${quoteIdent(channel)}`);
      }
      handlers.add(onPayload);
      return async () => {
        handlers.delete(onPayload);
        if (handlers.size === 0) {
          channels.delete(channel);
          await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
        }
      };
    },
    async close() {
      closed = true;
      const client = await listener?.catch(() => null);
      listener = null;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
