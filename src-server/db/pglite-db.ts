// Embedded PostgreSQL (PGlite, WebAssembly) on a data directory, or in memory: the zero-install
// default for `npm start`, `npm run server` and simulation mode.
import { PGlite, types, type PGliteInterface, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './db';

const parsers = { [types.INT8]: (value: string) => Number(value) };

function wrap(target: PGliteInterface | Transaction): Queryable {
  return {
    query: async <T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> => {
      const result = await target.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/** A Db over an open PGlite instance (a new one, or a clone of a prepared one in tests). */
export function pgliteDb(pg: PGliteInterface): Db {
  return {
    kind: 'pglite',
    query: wrap(pg).query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    listen: async (channel, onPayload) => {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => {
        await unlisten();
      };
    },
    close: () => pg.close(),
  };
}

/** Opens (creating if needed) a PGlite database; `dataDir` undefined means in memory. */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  return pgliteDb(await openPglite(dataDir));
}

/** The bare PGlite instance with Posko's type parsers (int8 as numbers). */
export function openPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir === undefined ? { parsers } : { dataDir, parsers });
}
