// Pull: one page of everything the caller may see that changed after their cursor, across every
// synced table and the tombstones, in version order. Each table contributes at most `limit` rows
// through its own index, so a page costs about the same at cursor 0 and near the end.
import { assertNever } from '../../src-shared/domain/assert-never';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import type { Disposition } from '../../src-shared/domain/disposition';
import type { Note } from '../../src-shared/domain/note';
import type { Reporter } from '../../src-shared/domain/report';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { Template } from '../../src-shared/domain/template';
import type { CitizenMessage } from '../../src-shared/sync/citizen-message';
import type {
  PulledChange,
  PullResponse,
  SyncEntity,
  SyncRow,
} from '../../src-shared/sync/protocol';
import { syncEntities } from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import { reportFromRow, withVersion, type ReportDoc } from './rows';
import { prefixPattern, type CallerScope } from './scope';

interface ChangeRow {
  entity: SyncEntity;
  id: string;
  version: number;
  doc: unknown;
  reporter: unknown;
  deleted: boolean;
}

// $1 prefix pattern, $2 cursor, $3 limit, $4 ancestor paths, $5 caller's user id.
const scoped = (table: string, entity: SyncEntity, extra = 'NULL::jsonb') =>
  `(SELECT '${entity}' AS entity, id, version, doc, ${extra} AS reporter, false AS deleted
      FROM ${table}
     WHERE scope_path LIKE $1 AND version > $2 ORDER BY version LIMIT $3)`;

const PAGE_SQL = `
SELECT * FROM (
  ${scoped('reports', 'report', 'reporter')}
  UNION ALL ${scoped('dispositions', 'disposition')}
  UNION ALL ${scoped('responses', 'response')}
  UNION ALL ${scoped('notes', 'note')}
  UNION ALL ${scoped('citizen_messages', 'citizen_message')}
  UNION ALL ${scoped('audit_events', 'audit_event')}
  UNION ALL (SELECT 'agency', id, version,
        jsonb_build_object('id', id, 'parentId', parent_id, 'name', name, 'level', level,
          'timeZone', time_zone, 'settings', settings), NULL::jsonb, false
      FROM agencies
     WHERE (path LIKE $1 OR path = ANY($4::text[])) AND version > $2 ORDER BY version LIMIT $3)
  UNION ALL (SELECT 'user', id, version,
        jsonb_build_object('id', id, 'username', username, 'displayName', display_name,
          'role', role, 'agencyId', agency_id), NULL::jsonb, false
      FROM users WHERE scope_path LIKE $1 AND version > $2 ORDER BY version LIMIT $3)
  UNION ALL (SELECT 'category', id, version, doc, NULL::jsonb, false
      FROM categories WHERE version > $2 ORDER BY version LIMIT $3)
  UNION ALL (SELECT 'template', id, version, doc, NULL::jsonb, false
      FROM templates
     WHERE ((owner_user_id IS NULL AND (scope_path LIKE $1 OR scope_path = ANY($4::text[])))
            OR owner_user_id = $5)
       AND version > $2 ORDER BY version LIMIT $3)
  UNION ALL (SELECT entity, entity_id, version, NULL::jsonb, NULL::jsonb, true
      FROM tombstones
     WHERE ((owner_user_id IS NULL
             AND (scope_path LIKE $1
                  OR (entity IN ('template', 'agency') AND scope_path = ANY($4::text[]))))
            OR owner_user_id = $5)
       AND version > $2 ORDER BY version LIMIT $3)
) AS changes
ORDER BY version
LIMIT $3`;

const knownEntities: ReadonlySet<string> = new Set(syncEntities);

function toChange(row: ChangeRow, scope: CallerScope): PulledChange {
  if (row.deleted) return { entity: row.entity, id: row.id, version: row.version, deleted: true };
  return {
    entity: row.entity,
    id: row.id,
    version: row.version,
    data: toData(row, scope),
  } as SyncRow;
}

function toData(row: ChangeRow, scope: CallerScope): SyncRow['data'] {
  switch (row.entity) {
    case 'report':
      return reportFromRow(
        {
          doc: row.doc as ReportDoc,
          reporter: row.reporter as Reporter | null,
          version: row.version,
        },
        scope.mayIdentify,
      );
    case 'disposition':
      return withVersion<Disposition>(row.doc as Omit<Disposition, 'version'>, row.version);
    case 'response':
      return withVersion<ReportResponse>(row.doc as Omit<ReportResponse, 'version'>, row.version);
    case 'note':
      return withVersion<Note>(row.doc as Omit<Note, 'version'>, row.version);
    case 'citizen_message':
      return withVersion<CitizenMessage>(row.doc as Omit<CitizenMessage, 'version'>, row.version);
    case 'template':
      return withVersion<Template>(row.doc as Omit<Template, 'version'>, row.version);
    case 'agency': {
      const doc = row.doc as Record<string, unknown>;
      return { ...doc, version: row.version } as SyncRow['data'];
    }
    case 'audit_event':
      return row.doc as AuditEvent;
    case 'user':
    case 'category':
      return row.doc as SyncRow['data'];
    default:
      return assertNever(row.entity, 'sync entity');
  }
}

/** One page after `cursor`: at most `limit` changes, and whether more follow. */
export async function pullPage(
  db: Queryable,
  scope: CallerScope,
  cursor: number,
  limit: number,
): Promise<PullResponse> {
  const { rows } = await db.query<ChangeRow>(PAGE_SQL, [
    prefixPattern(scope.path),
    cursor,
    limit + 1,
    scope.ancestorPaths,
    scope.userId,
  ]);
  const page = rows.slice(0, limit).filter((row) => knownEntities.has(row.entity));
  const last = rows.slice(0, limit).at(-1);
  return {
    rows: page.map((row) => toChange(row, scope)),
    cursor: last?.version ?? cursor,
    hasMore: rows.length > limit,
  };
}
