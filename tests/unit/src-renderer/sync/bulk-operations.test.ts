// Bulk replies and approvals in the sync worker, over the real Dexie store (fake-indexeddb), the
// real engine and the in-memory sync server: a preview renders the first replies and names the
// reports held back, writing nothing; a run queues one response.send per report in one batch and
// holds back the reports with empty values; an approval publishes every submitted response.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkAction } from '../../../../src-shared/bulk/bulk-action';
import type { UserActor } from '../../../../src-shared/domain/actor';
import type { Disposition } from '../../../../src-shared/domain/disposition';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import type { Template } from '../../../../src-shared/domain/template';
import type { User } from '../../../../src-shared/domain/user';
import { manualClock, sequentialIds } from '../../../../src-shared/ports';
import { createSyncEngine } from '../../../../src-shared/sync/client/engine';
import { effectiveRow } from '../../../../src-shared/sync/client/ports';
import type { SyncRow } from '../../../../src-shared/sync/protocol';
import {
  openDexieLocalDb,
  type DexieLocalDb,
} from '../../../../src-renderer/platform/local-db/dexie-local-db';
import {
  createBulkOperations,
  type BulkOperations,
} from '../../../../src-renderer/sync/bulk-operations';
import { createFakeSyncServer, fakeTransport } from '../../../support/fake-sync-server';
import { agencyList } from '../../src-shared/domain/domain-fixtures';
import { fakeScheduler } from '../../src-shared/sync/client/engine-harness';
import {
  NOW,
  at,
  consistent,
  makeReport,
  response,
  template,
} from '../../src-shared/sync/sync-fixtures';

const HOLD_MS = 10_000;

const operator: UserActor = {
  kind: 'user',
  id: 'op-yankes',
  role: 'operator_unit',
  agencyId: 'dinkes-yankes',
};
const liaison: UserActor = {
  kind: 'user',
  id: 'penghubung-dinkes',
  role: 'pejabat_penghubung',
  agencyId: 'dinkes',
};

const people: User[] = [
  { ...operator, username: 'op-yankes', displayName: 'Operator Yankes' },
  { ...liaison, username: 'penghubung', displayName: 'Drs. Bambang Hermawan' },
].map(({ id, username, displayName, role, agencyId }) => ({
  id,
  username,
  displayName,
  role,
  agencyId,
}));

const trackingOf = (n: number): string => String(1916000 + n);
const reportId = (n: number): string => `r-${String(n)}`;

/** Report r-n in progress at dinkes / dinkes-yankes since Monday 3 February. */
function inProgress(n: number, overrides: Partial<Report> = {}): Report {
  return consistent(
    makeReport({
      id: reportId(n),
      trackingId: trackingOf(n),
      agencyId: 'dinkes',
      unitId: 'dinkes-yankes',
      status: 'in_progress',
      disposedAt: at('2025-02-03T11:00'),
      categoryId: 'kesehatan',
      ...overrides,
    }),
  );
}

const snippet = template({
  id: 'tpl-salam',
  kind: 'cuplikan',
  name: 'salam_pembuka',
  body: 'Yth. {{pelapor.sapaan}},',
});
const followUp = template({
  id: 'tpl-tindak-lanjut',
  kind: 'tindak_lanjut',
  name: 'Tindak lanjut',
  body:
    '{{> salam_pembuka}}\n\nLaporan {{laporan.nomor}} ({{laporan.kategori}}) sedang ' +
    'ditindaklanjuti oleh {{unit.nama}}.\n\nHormat kami,\n{{petugas.nama}}',
});

/** The text r-n's reporter gets from `followUp`, written by the operator. */
const followUpText = (n: number): string =>
  `Yth. Bapak/Ibu Siti Rahmawati,\n\nLaporan ${trackingOf(n)} (Kesehatan) sedang ` +
  'ditindaklanjuti oleh dinkes-yankes.\n\nHormat kami,\nOperator Yankes';

const rowsOf = {
  report: (data: Report): SyncRow => ({ entity: 'report', id: data.id, version: 0, data }),
  template: (data: Template): SyncRow => ({ entity: 'template', id: data.id, version: 0, data }),
  response: (data: ReportResponse): SyncRow => ({
    entity: 'response',
    id: data.id,
    version: 0,
    data,
  }),
  disposition: (data: Disposition): SyncRow => ({
    entity: 'disposition',
    id: data.id,
    version: 0,
    data,
  }),
};

/** Agencies, people, two categories, the templates, and `rows`. */
function seed(rows: readonly SyncRow[]): SyncRow[] {
  return [
    ...agencyList.map((data): SyncRow => ({ entity: 'agency', id: data.id, version: 0, data })),
    ...people.map((data): SyncRow => ({ entity: 'user', id: data.id, version: 0, data })),
    ...['Kesehatan', 'Jalan'].map((name): SyncRow => ({
      entity: 'category',
      id: name.toLowerCase(),
      version: 0,
      data: { id: name.toLowerCase(), parentId: null, code: name, name, isActive: true },
    })),
    rowsOf.template(snippet),
    rowsOf.template(followUp),
    ...rows,
  ];
}

interface Desk {
  readonly db: DexieLocalDb;
  readonly bulk: BulkOperations;
  readonly server: ReturnType<typeof createFakeSyncServer>;
  readonly clock: ReturnType<typeof manualClock>;
  readonly engine: ReturnType<typeof createSyncEngine>;
  /** Report ids whose records were read with their children (a reply or an approval). */
  readonly childReads: string[];
}

const open: DexieLocalDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

let desks = 0;

/** `actor`'s worker after the initial sync of `rows`. */
async function desk(actor: UserActor, rows: readonly SyncRow[]): Promise<Desk> {
  desks += 1;
  const clock = manualClock(NOW);
  const server = createFakeSyncServer({ now: () => clock.now(), seed: seed(rows) });
  const opened = await openDexieLocalDb({
    name: `bulk-operations-${String(desks)}`,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    createClientId: () => `client-${String(desks)}`,
    broadcast: false,
    now: () => clock.now(),
  });
  if (!opened.ok) throw new Error(`open failed: ${opened.error.detail}`);
  const db = opened.value;
  open.push(db);
  const engine = createSyncEngine({
    store: db,
    transport: fakeTransport(server, actor),
    clock,
    scheduler: fakeScheduler(clock),
    random: () => 0.5,
    actor,
  });
  await engine.syncOnce();
  const ids = sequentialIds('id');
  const childReads: string[] = [];
  const bulk = createBulkOperations({
    store: db,
    engine,
    actor,
    clock,
    newId: () => ids.next(),
    write: (fn) => fn(),
    reportsRecords: (reportIds) => {
      childReads.push(...reportIds);
      return db.reportsRecords(reportIds);
    },
  });
  return { db, bulk, server, clock, engine, childReads };
}

/** The responses of report `id` as the operator now sees them. */
async function responsesOf(d: Desk, id: string): Promise<ReportResponse[]> {
  const records = await d.db.reportRecords(id);
  return [...(records?.values() ?? [])].flatMap((record) => {
    const row = effectiveRow(record);
    return row?.entity === 'response' ? [row.data] : [];
  });
}

async function reportOf(d: Desk, id: string): Promise<Report | null> {
  const row = effectiveRow((await d.db.reportRecords(id))?.get(`report:${id}`));
  return row?.entity === 'report' ? row.data : null;
}

const replyWith = (body: string, publish = false): BulkAction => ({
  kind: 'reply',
  templateId: followUp.id,
  templateName: followUp.name,
  body,
  publish,
});

/** Twenty reports in progress; r-4 and r-9 have no category, which the template names. */
const twenty = Array.from({ length: 20 }, (_, i) =>
  rowsOf.report(inProgress(i + 1, i + 1 === 4 || i + 1 === 9 ? { categoryId: null } : {})),
);
const all20 = Array.from({ length: 20 }, (_, i) => reportId(i + 1));

describe('bulk operations: reply', () => {
  it('previews the first three rendered replies and the two held back, writing nothing', async () => {
    const d = await desk(operator, twenty);
    const preview = await d.bulk.previewBulk({
      action: replyWith(followUp.body),
      reportIds: all20,
    });

    expect(preview.applicable).toEqual(all20.filter((id) => id !== 'r-4' && id !== 'r-9'));
    expect(preview.sample).toEqual(
      [1, 2, 3].map((n) => ({
        id: reportId(n),
        trackingId: trackingOf(n),
        title: expect.any(String) as unknown,
        rendered: followUpText(n),
      })),
    );
    expect(preview.skipped).toEqual([
      expect.objectContaining({
        reportId: 'r-4',
        trackingId: trackingOf(4),
        reasonKey: 'bulk.missing_values',
        variables: ['laporan.kategori'],
      }),
      expect.objectContaining({
        reportId: 'r-9',
        reasonKey: 'bulk.missing_values',
        variables: ['laporan.kategori'],
      }),
    ]);
    expect(await d.db.outbox()).toEqual([]);
    expect(await d.engine.listBatches()).toEqual([]);
    expect(await responsesOf(d, 'r-1')).toEqual([]);
  });

  it('queues 18 replies as response.send in one batch and holds the 2 with an empty value back', async () => {
    const d = await desk(operator, twenty);
    const action = replyWith(followUp.body);
    const run = await d.bulk.runBulk({ action, reportIds: all20 }, HOLD_MS);

    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.count).toBe(18);
    expect(run.value.skipped.map((skip) => [skip.reportId, skip.variables])).toEqual([
      ['r-4', ['laporan.kategori']],
      ['r-9', ['laporan.kategori']],
    ]);
    const outbox = await d.db.outbox();
    expect(outbox).toHaveLength(18);
    const sent = outbox.map((entry) => entry.mutation);
    expect(new Set(sent.map((m) => m.name))).toEqual(new Set(['response.send']));
    for (const mutation of sent) {
      const args = mutation.args as { reportId: string; body: string; publish: boolean };
      const n = Number(args.reportId.slice(2));
      expect(args).toMatchObject({ publish: false, batchId: run.value.batchId });
      expect(args.body).toBe(followUpText(n));
    }
    expect(outbox.every((entry) => entry.holdUntil === NOW + HOLD_MS)).toBe(true);
    // Shown at once: each report has its submitted reply; the held-back ones have none.
    const first = await responsesOf(d, 'r-1');
    expect(first).toEqual([
      expect.objectContaining({ state: 'submitted', body: followUpText(1), authorId: operator.id }),
    ]);
    expect(await responsesOf(d, 'r-4')).toEqual([]);
    expect(await responsesOf(d, 'r-9')).toEqual([]);
    const [batch] = await d.engine.listBatches();
    expect(batch).toMatchObject({ id: run.value.batchId, action, compensates: null });
    expect(batch?.items).toHaveLength(18);

    // After the hold the server takes every one of them.
    d.clock.advance(HOLD_MS + 1);
    await d.engine.syncOnce();
    const processed = d.server.processed();
    expect(processed).toHaveLength(18);
    expect(processed.every((p) => p.status === 'applied')).toBe(true);
    const stored = d.server.rows().get(`response:${first[0]?.id ?? ''}`);
    expect(stored?.entity === 'response' && stored.data.state).toBe('submitted');
  });

  it('publishes at once for a liaison officer: the reports become responded', async () => {
    const d = await desk(liaison, twenty.slice(0, 3));
    const run = await d.bulk.runBulk(
      { action: replyWith(followUp.body, true), reportIds: ['r-1', 'r-2', 'r-3'] },
      0,
    );
    expect(run.ok && run.value.count).toBe(3);
    expect((await reportOf(d, 'r-2'))?.status).toBe('responded');
    expect(await responsesOf(d, 'r-2')).toEqual([
      expect.objectContaining({ state: 'published', publishedById: liaison.id }),
    ]);
  });

  it("reads the reports' dispositions when the template lists them", async () => {
    const disposition: Disposition = {
      id: 'disp-1',
      reportId: 'r-1',
      kind: 'dispose',
      fromAgencyId: 'kota-bandung',
      toAgencyId: 'dinkes',
      toUnitId: 'dinkes-yankes',
      byUserId: 'u-koord',
      at: at('2025-02-03T11:00'),
      note: null,
      version: 0,
    };
    const d = await desk(operator, [...twenty.slice(0, 2), rowsOf.disposition(disposition)]);
    const preview = await d.bulk.previewBulk({
      action: replyWith(
        'Laporan {{laporan.nomor}}:{{#each disposisi}} ke {{this.instansi}}{{/each}}.',
      ),
      reportIds: ['r-1', 'r-2'],
    });
    expect(preview.sample.map((s) => s.rendered)).toEqual([
      `Laporan ${trackingOf(1)}: ke dinkes.`,
      `Laporan ${trackingOf(2)}:.`,
    ]);
    // The reports and their dispositions come from one read.
    expect(d.childReads).toEqual(['r-1', 'r-2']);
  });

  it('skips every report with the template error, naming where it is', async () => {
    const d = await desk(operator, twenty.slice(0, 2));
    const preview = await d.bulk.previewBulk({
      action: replyWith('Salam.\n{{> tidak_ada}}'),
      reportIds: ['r-1', 'r-2'],
    });
    expect(preview.applicable).toEqual([]);
    expect(preview.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-1', 'bulk.template_error'],
      ['r-2', 'bulk.template_error'],
    ]);
    expect(preview.skipped[0]?.message).toMatch(/^Line 2, column 1: .*tidak_ada/);
  });

  it('answers bulk/empty when every report is held back, writing nothing', async () => {
    const d = await desk(operator, twenty);
    const run = await d.bulk.runBulk(
      { action: replyWith(followUp.body), reportIds: ['r-4', 'r-9'] },
      HOLD_MS,
    );
    expect(run).toMatchObject({ ok: false, error: { code: 'bulk/empty' } });
    expect(await d.db.outbox()).toEqual([]);
  });
});

describe('bulk operations: approve_responses', () => {
  const submitted = (n: number) =>
    rowsOf.response(response('submitted', { id: `resp-${String(n)}`, reportId: reportId(n) }));
  const rows = [
    ...[1, 2, 3, 4, 5].map((n) => rowsOf.report(inProgress(n))),
    submitted(1),
    submitted(2),
    submitted(3),
    rowsOf.response(response('draft', { id: 'resp-4', reportId: 'r-4' })),
  ];
  const approve: BulkAction = { kind: 'approve_responses' };
  const five = [1, 2, 3, 4, 5].map(reportId);

  it('previews the submitted responses and skips reports with none, writing nothing', async () => {
    const d = await desk(liaison, rows);
    const preview = await d.bulk.previewBulk({ action: approve, reportIds: five });
    expect(preview.applicable).toEqual(['r-1', 'r-2', 'r-3']);
    expect(preview.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-4', 'bulk.no_submitted_response'],
      ['r-5', 'bulk.no_submitted_response'],
    ]);
    expect(await d.db.outbox()).toEqual([]);
  });

  it('approves and publishes them in one batch; the server applies every one', async () => {
    const d = await desk(liaison, rows);
    const run = await d.bulk.runBulk({ action: approve, reportIds: five }, 0);
    expect(run.ok && run.value.count).toBe(3);
    const sent = (await d.db.outbox()).map((entry) => entry.mutation);
    expect(sent.map((m) => [m.name, m.args])).toEqual(
      [1, 2, 3].map((n) => [
        'response.approve',
        {
          reportId: reportId(n),
          responseId: `resp-${String(n)}`,
          publish: true,
          batchId: run.ok ? run.value.batchId : '',
        },
      ]),
    );
    expect((await reportOf(d, 'r-1'))?.status).toBe('responded');
    expect((await responsesOf(d, 'r-1'))[0]?.state).toBe('published');
    expect((await reportOf(d, 'r-4'))?.status).toBe('in_progress');

    await d.engine.syncOnce();
    expect(d.server.processed().map((p) => p.status)).toEqual(['applied', 'applied', 'applied']);
    const report = d.server.rows().get('report:r-3');
    expect(report?.entity === 'report' && report.data.status).toBe('responded');
  });

  it('skips every report for an operator, who may not approve', async () => {
    const d = await desk(operator, rows);
    const preview = await d.bulk.previewBulk({ action: approve, reportIds: ['r-1'] });
    expect(preview.applicable).toEqual([]);
    expect(preview.skipped).toEqual([
      expect.objectContaining({ reportId: 'r-1', reasonKey: 'mutation.role_not_allowed' }),
    ]);
  });
});
