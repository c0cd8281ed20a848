// The server's health answer (`GET /api/v1/health`): its version and which database it runs on.

export type DatabaseKind = 'pglite' | 'postgres';

export interface HealthBody {
  ok: true;
  version: string;
  db: DatabaseKind;
}

export function healthBody(version: string, db: DatabaseKind): HealthBody {
  return { ok: true, version, db };
}
