// The server's one storage interface: SQL queries and transactions, the same for embedded PGlite
// and PostgreSQL. Integers come back as numbers and jsonb as parsed values on both.

export type DatabaseKind = 'pglite' | 'postgres';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query: <T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ) => Promise<QueryResult<T>>;
}

export type Unlisten = () => Promise<void>;

export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /** Subscribes to `NOTIFY channel` from any connection or process using the same database. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten>;
  close(): Promise<void>;
}

/** Serializes writes so that versions commit in the order they were drawn (see migrations/001). */
export const VERSION_LOCK_KEY = 7_319_001;
/** Serializes concurrent migration runs, across processes. */
export const MIGRATION_LOCK_KEY = 7_319_000;
