// Embedded PostgreSQL (PGlite, WebAssembly) on a data directory, or in memory: the zero-install
// default for `npm start`, `npm run server` and simulation mode.
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './db';

const parsers = { [types.INT8]: (value: string) => Number(value) };

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/** Opens (creating if needed) a PGlite database; `dataDir` undefined means in memory. */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir === undefined ? { parsers } : { dataDir, parsers });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async exec(sql) {
      await pg.exec(sql);
    },
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => {
        await unlisten();
      };
    },
    close: () => pg.close(),
  };
}
