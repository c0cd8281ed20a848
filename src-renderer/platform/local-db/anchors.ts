// Where each synced record lives in the local database: its anchor (the report id for a report and
// its children, `ref:<entity>` for reference rows), and how an anchor's server docs and local
// records combine into the rows the operator sees.

import type { Disposition } from '../../../src-shared/domain/disposition';
import type { Report } from '../../../src-shared/domain/report';
import { toListRow, type ReportListRow } from '../../../src-shared/inbox/list-row';
import {
  recordKey,
  type LayeredRecord,
  type RecordKey,
} from '../../../src-shared/sync/client/ports';
import type { SyncEntity, SyncRow } from '../../../src-shared/sync/protocol';
import type { DocEntry, DocsRecord, LocalRecord } from './schema';

export const REFERENCE_ENTITIES = ['agency', 'user', 'category', 'template', 'saved_view'] as const;
export type ReferenceEntity = (typeof REFERENCE_ENTITIES)[number];

const referenceEntities: ReadonlySet<SyncEntity> = new Set(REFERENCE_ENTITIES);
const reportChildren: ReadonlySet<SyncEntity> = new Set([
  'disposition',
  'response',
  'note',
  'citizen_message',
  'audit_event',
]);

/** The anchor holding a reference entity's rows. */
export function referenceAnchor(entity: ReferenceEntity): string {
  return `ref:${entity}`;
}

export const referenceAnchors: readonly string[] = REFERENCE_ENTITIES.map(referenceAnchor);

export function isReferenceEntity(entity: SyncEntity): entity is ReferenceEntity {
  return referenceEntities.has(entity);
}

export function isReportChild(entity: SyncEntity): boolean {
  return reportChildren.has(entity);
}

export function isReportAnchor(anchor: string): boolean {
  return anchor !== '' && !anchor.startsWith('ref:');
}

/** The entity part of a record key. */
export function entityOfKey(key: RecordKey): SyncEntity {
  return key.slice(0, key.indexOf(':')) as SyncEntity;
}

/**
 * The anchor of a record known by its key alone, or null for a report child (its anchor is its
 * report, found in its row or looked up).
 */
export function anchorOfKey(key: RecordKey): string | null {
  const entity = entityOfKey(key);
  if (entity === 'report') return key.slice('report:'.length);
  if (isReferenceEntity(entity)) return referenceAnchor(entity);
  return null;
}

export function anchorOfRow(row: SyncRow): string {
  switch (row.entity) {
    case 'report':
      return row.id;
    case 'disposition':
    case 'response':
    case 'note':
    case 'citizen_message':
    case 'audit_event':
      return row.data.reportId;
    case 'agency':
    case 'user':
    case 'category':
    case 'template':
    case 'saved_view':
      return referenceAnchor(row.entity);
    default: {
      const unknownRow: never = row;
      throw new Error(`unknown entity in ${JSON.stringify(unknownRow)}`);
    }
  }
}

export function keyOfRow(row: SyncRow): RecordKey {
  return recordKey(row.entity, row.id);
}

// ---------------------------------------------------------------------------------------------
// Merging

/**
 * Adds `entry` to an anchor's merged server layer if it is newer than what is there. Returns
 * whether it won. Equal versions keep the first (the server never reuses a version).
 */
export function mergeEntry(merged: Map<RecordKey, DocEntry>, entry: DocEntry): boolean {
  const existing = merged.get(entry.key);
  if (existing !== undefined && existing.version >= entry.version) return false;
  merged.set(entry.key, entry);
  return true;
}

/**
 * A report tombstone at V drops the report's children older than V (they left with it); children
 * with newer versions came back with the report and stay.
 */
export function dropChildrenOlderThan(
  merged: Map<RecordKey, DocEntry>,
  version: number,
): RecordKey[] {
  const dropped: RecordKey[] = [];
  for (const [key, entry] of merged) {
    if (entry.version < version && isReportChild(entityOfKey(key))) {
      merged.delete(key);
      dropped.push(key);
    }
  }
  return dropped;
}

/**
 * The merged server layer of one anchor's docs records (tombstones kept as entries). A report
 * tombstone's cascade is already applied on disk: the anchor is rewritten without the children.
 */
export function mergeDocs(records: readonly DocsRecord[]): Map<RecordKey, DocEntry> {
  const merged = new Map<RecordKey, DocEntry>();
  for (const record of records) for (const entry of record.entries) mergeEntry(merged, entry);
  return merged;
}

/** Both layers of every record of an anchor (records with neither layer left out). */
export function layeredRecords(
  server: ReadonlyMap<RecordKey, DocEntry>,
  local: readonly LocalRecord[],
): Map<RecordKey, LayeredRecord> {
  const records = new Map<RecordKey, LayeredRecord>();
  for (const [key, entry] of server) {
    if (entry.row !== null) records.set(key, { server: entry.row, local: undefined });
  }
  for (const { key, row } of local) {
    records.set(key, { server: server.get(key)?.row ?? null, local: row });
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// Derived per report

export interface DerivedReport {
  readonly id: string;
  readonly row: ReportListRow | null;
  readonly searchText: string | null;
}

/** A report's searchable text: tracking id, title, body, location. */
export function searchTextOf(report: Extract<SyncRow, { entity: 'report' }>): string {
  const data = report.data;
  return `${data.trackingId}\n${data.title}\n${data.body}\n${data.location.text}`;
}

/**
 * The list row and search text of report `id` from its anchor's merged server layer and local
 * records: the effective report (local ?? server), its server version, whether anything of it is
 * pending and whether an effective response waits for approval.
 */
export function deriveReport(
  id: string,
  server: ReadonlyMap<RecordKey, DocEntry>,
  local: readonly LocalRecord[],
): DerivedReport {
  const reportKey = recordKey('report', id);
  const localByKey = new Map(local.map((record) => [record.key, record.row]));
  const serverReport = server.get(reportKey)?.row ?? null;
  const effective = localByKey.has(reportKey) ? (localByKey.get(reportKey) ?? null) : serverReport;
  if (effective?.entity !== 'report') return { id, row: null, searchText: null };

  let awaitingApproval = false;
  const isSubmitted = (row: SyncRow | null | undefined): boolean =>
    row?.entity === 'response' && row.data.state === 'submitted';
  for (const [key, entry] of server) {
    if (entityOfKey(key) !== 'response' || localByKey.has(key)) continue;
    if (isSubmitted(entry.row)) awaitingApproval = true;
  }
  for (const [key, row] of localByKey) {
    if (entityOfKey(key) === 'response' && isSubmitted(row)) awaitingApproval = true;
  }
  const row = toListRow(effective.data, {
    version: serverReport?.version ?? 0,
    pending: local.length > 0,
    awaitingApproval,
  });
  return { id, row, searchText: searchTextOf(effective) };
}

/** A report as the server last sent it, with its dispositions (what routing learns from). */
export interface ReportHistory {
  readonly report: Report;
  readonly dispositions: readonly Disposition[];
}

/** The server layer's report and dispositions of an anchor; null when it holds no report. */
export function reportHistoryOf(
  id: string,
  server: ReadonlyMap<RecordKey, DocEntry>,
): ReportHistory | null {
  const report = server.get(recordKey('report', id))?.row;
  if (report?.entity !== 'report') return null;
  const dispositions: Disposition[] = [];
  for (const entry of server.values()) {
    if (entry.row?.entity === 'disposition') dispositions.push(entry.row.data);
  }
  return { report: report.data, dispositions };
}
