// Helpers for the sync integration tests: reports inserted straight into the database at the
// fixture agencies, mutations built with a per-test client, and push/pull over HTTP.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { indonesianHolidays } from '../../../../src-shared/domain/holidays-id';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import type { SavedView } from '../../../../src-shared/domain/saved-view';
import type { Template } from '../../../../src-shared/domain/template';
import { recordWrite } from '../../../../src-shared/sync/conflicts';
import { createSlaCalendar, currentDueAt } from '../../../../src-shared/domain/sla-calendar';
import type { MutationArgs, MutationName } from '../../../../src-shared/sync/protocol';
import {
  PullResponseSchema,
  PushResponseSchema,
  isTombstone,
  type MutationEnvelope,
  type PulledChange,
  type PullResponse,
  type PushResponse,
} from '../../../../src-shared/sync/protocol';
import type { Db } from '../../../../src-server/db/db';
import { agencyPath } from '../../../../src-server/directory/agencies';
import {
  insertReport,
  upsertResponse,
  upsertSavedView,
  upsertTemplate,
} from '../../../../src-server/sync/rows';
import { drawVersion } from '../../../../src-server/sync/versions';
import { FIXTURE_START, type TestServer } from '../../../support/test-server';

const calendar = createSlaCalendar(indonesianHolidays);

/** A fresh id for this test run: tests share one database and stay apart by ids. */
export function freshId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function newReport(overrides: Partial<Report> = {}): Report {
  const report: Report = {
    id: freshId('r'),
    trackingId: String(randomBytes(6).readUIntBE(0, 6)),
    title: 'Jalan rusak di depan puskesmas',
    body: 'Jalan berlubang membahayakan pengendara sejak bulan lalu.',
    categoryId: null,
    tags: [],
    location: { text: 'Jl. Merdeka 1' },
    incidentDate: null,
    channel: 'web',
    type: 'pengaduan',
    privacy: { rahasia: false, anonim: false },
    reporter: { name: 'Budi Santoso', nik: '3273010101900001', phone: '081234567890' },
    attachments: [],
    agencyId: 'kab-a',
    unitId: null,
    assigneeId: null,
    timeZone: 'WIB',
    status: 'unverified',
    archiveReason: null,
    duplicateOf: null,
    createdAt: FIXTURE_START - 3_600_000,
    routedAt: FIXTURE_START - 3_600_000,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    dueAt: null,
    updatedAt: FIXTURE_START - 3_600_000,
    version: 0,
    ...overrides,
  };
  const disposedAt =
    report.disposedAt ??
    (['disposed', 'in_progress', 'responded'].includes(report.status) ? report.createdAt : null);
  const settled = { ...report, disposedAt };
  return { ...settled, dueAt: currentDueAt(settled, calendar) };
}

/** Inserts reports as the citizen side would; returns them with their versions. */
export async function insertReports(db: Db, reports: readonly Report[]): Promise<Report[]> {
  return db.transaction(async (tx) => {
    const stored: Report[] = [];
    for (const report of reports) {
      const path = await agencyPath(tx, report.unitId ?? report.agencyId);
      if (path === null) throw new Error(`unknown agency ${report.agencyId}`);
      const version = await drawVersion(tx);
      await insertReport(tx, report, path, version);
      stored.push({ ...report, version });
    }
    return stored;
  });
}

export async function insertOneReport(db: Db, overrides: Partial<Report> = {}): Promise<Report> {
  const [report] = await insertReports(db, [newReport(overrides)]);
  return report!;
}

/** A client of the sync protocol: numbers its mutations 1, 2, … like the outbox does. */
export class TestClient {
  readonly clientId = freshId('client');
  private nextId = 1;

  mutation<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
    baseVersion: number,
  ): MutationEnvelope {
    return {
      clientId: this.clientId,
      id: this.nextId++,
      name,
      args,
      baseVersion,
      at: FIXTURE_START,
    };
  }

  /** A mutation envelope with any name and arguments (for bad-input tests). */
  raw(name: string, args: unknown, baseVersion = 0): MutationEnvelope {
    return {
      clientId: this.clientId,
      id: this.nextId++,
      name,
      args,
      baseVersion,
      at: FIXTURE_START,
    };
  }
}

export async function pushHttp(
  server: TestServer,
  username: string,
  clientId: string,
  mutations: readonly MutationEnvelope[],
): Promise<PushResponse> {
  const response = await server.request('POST', '/sync/push', {
    token: await server.login(username),
    body: { clientId, mutations },
  });
  expect(response.status, response.text).toBe(200);
  return PushResponseSchema.parse(response.body);
}

export async function pullHttp(
  server: TestServer,
  username: string,
  cursor: number,
  limit = 1000,
): Promise<PullResponse> {
  const response = await server.request('POST', '/sync/pull', {
    token: await server.login(username),
    body: { cursor, limit },
  });
  expect(response.status, response.text).toBe(200);
  return PullResponseSchema.parse(response.body);
}

/** Pulls from `cursor` to the end; `between` runs after each page (writes during paging). */
export async function pullToEnd(
  server: TestServer,
  username: string,
  options: { cursor?: number; limit?: number; between?: (page: number) => Promise<void> } = {},
): Promise<{ changes: PulledChange[]; cursor: number; pages: number }> {
  let cursor = options.cursor ?? 0;
  const changes: PulledChange[] = [];
  for (let pages = 1; ; pages++) {
    const page = await pullHttp(server, username, cursor, options.limit ?? 1000);
    changes.push(...page.rows);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages };
    await options.between?.(pages);
  }
}

/** The client-side view after applying changes in order: id → latest row (tombstones remove). */
export function applyChanges(changes: readonly PulledChange[]): Map<string, PulledChange> {
  const view = new Map<string, PulledChange>();
  for (const change of changes) {
    const key = `${change.entity}:${change.id}`;
    if (isTombstone(change)) view.delete(key);
    else view.set(key, change);
  }
  return view;
}

/** Stores a response as it would be after earlier mutations. */
export async function insertResponse(db: Db, response: ReportResponse): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ scope_path: string }>(
      'SELECT scope_path FROM reports WHERE id = $1',
      [response.reportId],
    );
    const version = await drawVersion(tx);
    await upsertResponse(
      tx,
      response,
      rows[0]!.scope_path,
      recordWrite({}, [], version, 'seed'),
      version,
    );
    return version;
  });
}

export function responseIn(
  state: ReportResponse['state'],
  reportId: string,
  id = freshId('resp'),
): ReportResponse {
  const base = {
    id,
    reportId,
    agencyId: 'dinkes-a',
    authorId: 'u-operator-a',
    body: 'Jalan akan diperbaiki minggu depan.',
    createdAt: FIXTURE_START - 60_000,
    updatedAt: FIXTURE_START - 60_000,
    version: 0,
  };
  const review = {
    submittedAt: FIXTURE_START - 50_000,
    reviewedById: 'u-penghubung-a',
    reviewedAt: FIXTURE_START - 40_000,
  };
  switch (state) {
    case 'draft':
      return { ...base, state };
    case 'submitted':
      return { ...base, state, submittedAt: review.submittedAt };
    case 'approved':
      return { ...base, ...review, state };
    case 'returned':
      return { ...base, ...review, state, returnComment: 'Lengkapi' };
    case 'published':
      return {
        ...base,
        ...review,
        state,
        publishedAt: FIXTURE_START,
        publishedById: 'u-penghubung-a',
      };
  }
}

export async function insertTemplate(db: Db, template: Template): Promise<number> {
  return db.transaction(async (tx) => {
    const path = await agencyPath(tx, template.agencyId);
    const version = await drawVersion(tx);
    await upsertTemplate(tx, template, path!, recordWrite({}, [], version, 'seed'), version);
    return version;
  });
}

/** Stores a saved view as its owner's earlier view.save would have; returns its version. */
export async function insertSavedView(db: Db, view: SavedView): Promise<number> {
  return db.transaction(async (tx) => {
    const version = await drawVersion(tx);
    await upsertSavedView(tx, view, version);
    return version;
  });
}

export async function insertCategory(db: Db, id: string, isActive = true): Promise<void> {
  await db.transaction(async (tx) => {
    const version = await drawVersion(tx);
    await tx.query(
      'INSERT INTO categories (id, parent_id, doc, version) VALUES ($1, NULL, $2, $3) ON CONFLICT (id) DO NOTHING',
      [
        id,
        JSON.stringify({ id, parentId: null, code: id.replace(/-/g, '_'), name: id, isActive }),
        version,
      ],
    );
  });
}

/** Everything stored about a report, to show that a refused mutation wrote nothing. */
export async function reportFootprint(db: Db, reportId: string): Promise<unknown> {
  const report = await db.query('SELECT doc, version, field_writers FROM reports WHERE id = $1', [
    reportId,
  ]);
  const children = await Promise.all(
    ['dispositions', 'notes', 'responses', 'audit_events'].map(
      async (table) =>
        (
          await db.query(`SELECT id, version FROM ${table} WHERE report_id = $1 ORDER BY id`, [
            reportId,
          ])
        ).rows,
    ),
  );
  return { report: report.rows, children };
}
