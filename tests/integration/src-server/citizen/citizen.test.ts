import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CITIZEN_TOKEN_HEADER,
  CitizenReplyResponseSchema,
  FileReportResponseSchema,
  PublicReportSchema,
  type FileReportRequest,
} from '../../../../src-shared/api/citizen';
import { planBulk } from '../../../../src-shared/bulk/bulk-plan';
import { indonesianHolidays } from '../../../../src-shared/domain/holidays-id';
import type { Report } from '../../../../src-shared/domain/report';
import {
  addWorkingDays,
  createSlaCalendar,
  currentDueAt,
} from '../../../../src-shared/domain/sla-calendar';
import type { Db } from '../../../../src-server/db/db';
import { Announcer } from '../../../../src-server/sync/announcer';
import { internalReport, updateReport, type ReportRow } from '../../../../src-server/sync/rows';
import { describeEachBackend } from '../../../support/test-db';
import {
  FIXTURES,
  expectApiError,
  startTestServer,
  type TestServer,
} from '../../../support/test-server';
import { TestClient, freshId, pushHttp } from '../sync/sync-support';

const calendar = createSlaCalendar(indonesianHolidays);
const MINUTE = 60_000;
const DAY = 86_400_000;

const reporter = { name: 'Sri Wahyuningsih', nik: '3273014506880003', phone: '081234567890' };

function complaint(overrides: Partial<FileReportRequest> = {}): Record<string, unknown> {
  return {
    title: 'Jalan berlubang di depan SD Negeri 2',
    body: 'Lubang besar di Jl. Merdeka sudah tiga minggu, sudah ada pengendara yang jatuh.',
    location: { text: 'Jl. Merdeka, Kelurahan Cempaka', regionCode: '32.73.05.1001' },
    incidentDate: '2026-01-02',
    type: 'pengaduan',
    privacy: { rahasia: false, anonim: false },
    reporter,
    targetAgencyId: 'dinkes-a',
    ...overrides,
  };
}

describeEachBackend('the citizen side', (backend) => {
  let server: TestServer;
  let serverDb: Db | null = null;
  // The server's own announcer, so tests can listen to what it announces.
  const dbOfServer = (): Db => {
    if (serverDb === null) throw new Error('the server has no database yet');
    return serverDb;
  };
  const announcer = new Announcer({
    query: (sql: string, params?: readonly unknown[]) => dbOfServer().query(sql, params),
    listen: (channel: string, onPayload: (payload: string) => void) =>
      dbOfServer().listen(channel, onPayload),
  } as Db);

  beforeAll(async () => {
    server = await startTestServer(backend, {
      deps: { announcer },
      wrapDb: (db) => {
        serverDb = db;
        return db;
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Files a report; the clock moves a minute per filing so the per-address limit never bites. */
  async function file(
    overrides: Partial<FileReportRequest> = {},
    headers: Record<string, string> = {},
  ) {
    server.clock.advance(MINUTE);
    const response = await server.request('POST', '/reports', {
      body: complaint(overrides),
      headers,
    });
    expect(response.status, response.text).toBe(201);
    return FileReportResponseSchema.parse(response.body);
  }

  async function reportRow(
    trackingId: string,
  ): Promise<ReportRow & { citizen_token_hash: string; agency_id: string; status: string }> {
    const { rows } = await server.db.query<
      ReportRow & { citizen_token_hash: string; agency_id: string; status: string }
    >('SELECT * FROM reports WHERE tracking_id = $1', [trackingId]);
    const row = rows[0];
    if (row === undefined) throw new Error(`no report ${trackingId}`);
    return row;
  }

  async function count(table: string): Promise<number> {
    const { rows } = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table}`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Moves a stored report to another state directly, as the agency's work would have. */
  async function setReport(trackingId: string, change: (report: Report) => Report): Promise<void> {
    const row = await reportRow(trackingId);
    const next = change(internalReport(row));
    await updateReport(server.db, next, row.scope_path, row.field_writers, row.version + 1000);
  }

  it('files a complaint into the target agency’s queue as unverified, with a deadline', async () => {
    const filed = await file();
    expect(filed.trackingId).toMatch(/^\d+$/);
    expect(filed.status).toBe('unverified');
    const row = await reportRow(filed.trackingId);
    expect(row.status).toBe('unverified');
    expect(row.agency_id).toBe('dinkes-a');
    expect(row.scope_path).toBe('/prov/kab-a/dinkes-a/');
    expect(row.doc).not.toHaveProperty('reporter');
    expect(row.reporter).toEqual(reporter);
    // The token is stored only as its hash.
    expect(row.citizen_token_hash).toBe(
      createHash('sha256').update(filed.citizenToken).digest('hex'),
    );
    expect(JSON.stringify(row)).not.toContain(filed.citizenToken);
    const report = internalReport(row);
    expect(report.createdAt).toBe(server.clock.now());
    // Verify-and-dispose: the end of the third working day after the day of arrival.
    expect(filed.dueAt).toBe(addWorkingDays(server.clock.now(), 3, 'WIB', calendar));
    expect(report.dueAt).toBe(currentDueAt(report, calendar));
  });

  it('numbers reports from the tracking sequence, one after the other', async () => {
    const first = await file();
    const second = await file();
    expect(Number(second.trackingId)).toBe(Number(first.trackingId) + 1);
  });

  it('uses the target agency’s time zone for the deadline', async () => {
    const filed = await file({ targetAgencyId: 'dinkes-wit' });
    const report = internalReport(await reportRow(filed.trackingId));
    expect(report.timeZone).toBe('WIT');
    expect(filed.dueAt).toBe(addWorkingDays(server.clock.now(), 3, 'WIT', calendar));
  });

  it('refuses invalid complaints with a 400 and a code, writing nothing', async () => {
    const before = await count('reports');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...complaint(), title: '   ' }, 'request/invalid'],
      [{ ...complaint(), reporter: { ...reporter, nik: '12345' } }, 'request/invalid'],
      [{ ...complaint(), privacy: { rahasia: 'ya', anonim: false } }, 'request/invalid'],
      [{ ...complaint(), status: 'completed' }, 'request/invalid'],
      [{ ...complaint(), type: 'gosip' }, 'request/invalid'],
      [complaint({ targetAgencyId: 'tidak-ada' }), 'citizen/unknown-agency'],
      [complaint({ targetAgencyId: 'pkm-a' }), 'citizen/unknown-agency'],
      [complaint({ categoryId: 'cat-tidak-ada' }), 'citizen/unknown-category'],
      [complaint({ incidentDate: '2030-01-01' }), 'citizen/incident-in-future'],
    ];
    for (const [body, code] of cases) {
      expectApiError(await server.request('POST', '/reports', { body }), 400, code);
    }
    expect(await count('reports')).toBe(before);
  });

  it('stores SQL-looking text verbatim', async () => {
    const title = "Robert'); DROP TABLE reports;--";
    const body = "' OR '1'='1' -- ; SELECT * FROM users; \\x00 $1 %s";
    const filed = await file({ title, body });
    const view = PublicReportSchema.parse(
      (await server.request('GET', `/reports/${filed.trackingId}`)).body,
    );
    expect(view.title).toBe(title);
    expect(view.body).toBe(body);
    expect(await count('reports')).toBeGreaterThan(0);
  });

  it('limits how many reports one address files in ten minutes', async () => {
    server.clock.advance(11 * MINUTE);
    for (let i = 0; i < 10; i++) {
      const response = await server.request('POST', '/reports', { body: complaint() });
      expect(response.status).toBe(201);
    }
    const refused = await server.request('POST', '/reports', { body: complaint() });
    expectApiError(refused, 429, 'citizen/rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    server.clock.advance(11 * MINUTE);
    expect((await server.request('POST', '/reports', { body: complaint() })).status).toBe(201);
    server.clock.advance(11 * MINUTE);
  });

  it('refuses a reply without the citizen token, or with another report’s token', async () => {
    const mine = await file();
    const other = await file();
    const before = await count('citizen_messages');
    const path = `/reports/${mine.trackingId}/replies`;
    expectApiError(
      await server.request('POST', path, { body: { body: 'Halo' } }),
      401,
      'citizen/token-required',
    );
    expectApiError(
      await server.request('POST', path, {
        body: { body: 'Halo' },
        headers: { [CITIZEN_TOKEN_HEADER]: other.citizenToken },
      }),
      403,
      'citizen/token-invalid',
    );
    expectApiError(
      await server.request('POST', '/reports/999999999/replies', {
        body: { body: 'Halo' },
        headers: { [CITIZEN_TOKEN_HEADER]: mine.citizenToken },
      }),
      404,
      'citizen/report-not-found',
    );
    expect(await count('citizen_messages')).toBe(before);
  });

  it('stores a reply to a report in verification without moving it', async () => {
    const filed = await file();
    const response = await server.request('POST', `/reports/${filed.trackingId}/replies`, {
      body: { body: 'Foto tambahan menyusul.' },
      headers: { [CITIZEN_TOKEN_HEADER]: filed.citizenToken },
    });
    expect(response.status).toBe(201);
    expect(CitizenReplyResponseSchema.parse(response.body)).toMatchObject({
      effect: 'none',
      status: 'unverified',
    });
    const row = await reportRow(filed.trackingId);
    const { rows } = await server.db.query<{ doc: { body: string }; scope_path: string }>(
      'SELECT doc, scope_path FROM citizen_messages WHERE report_id = $1',
      [row.id],
    );
    expect(rows.map((r) => r.doc.body)).toEqual(['Foto tambahan menyusul.']);
    expect(rows[0]?.scope_path).toBe(row.scope_path);
  });

  it('sends a responded report back to the unit when the reporter replies', async () => {
    const filed = await file();
    const now = server.clock.now();
    await setReport(filed.trackingId, (r) => ({
      ...r,
      status: 'responded',
      agencyId: 'dinkes-a',
      unitId: 'pkm-a',
      disposedAt: now,
      firstResponseAt: now + MINUTE,
      respondedAt: now + MINUTE,
    }));
    server.clock.advance(2 * DAY);
    const response = await server.request('POST', `/reports/${filed.trackingId}/replies`, {
      body: { body: 'Sampai hari ini jalan belum diperbaiki.' },
      headers: { [CITIZEN_TOKEN_HEADER]: filed.citizenToken },
    });
    expect(CitizenReplyResponseSchema.parse(response.body)).toMatchObject({
      effect: 'reporter_reply',
      status: 'in_progress',
    });
    const row = await reportRow(filed.trackingId);
    const report = internalReport(row);
    expect(report.status).toBe('in_progress');
    expect(report.updatedAt).toBe(server.clock.now());
    // Back in progress after a response: the resolution clock (14 working days) runs.
    expect(report.dueAt).toBe(addWorkingDays(now, 14, 'WIB', calendar));
    expect(row.field_writers['status']?.c).toBe('citizen');
    const events = await server.db.query<{
      doc: { action: string; actor: unknown; from: string; to: string };
    }>('SELECT doc FROM audit_events WHERE report_id = $1', [row.id]);
    expect(events.rows.map((e) => e.doc)).toEqual([
      expect.objectContaining({
        action: 'reporter_reply',
        actor: { kind: 'system' },
        from: 'responded',
        to: 'in_progress',
      }),
    ]);
  });

  it('resumes a postponed report when the reporter completes the data', async () => {
    const filed = await file();
    const pausedAt = server.clock.now();
    await setReport(filed.trackingId, (r) => ({ ...r, status: 'pending_info', pausedAt }));
    server.clock.advance(DAY);
    const response = await server.request('POST', `/reports/${filed.trackingId}/replies`, {
      body: { body: 'Lokasinya di depan masjid, RT 03/RW 05.' },
      headers: { [CITIZEN_TOKEN_HEADER]: filed.citizenToken },
    });
    expect(CitizenReplyResponseSchema.parse(response.body)).toMatchObject({
      effect: 'resume',
      status: 'unverified',
    });
    const report = internalReport(await reportRow(filed.trackingId));
    expect(report.pausedAt).toBeNull();
    expect(report.pausedWorkingMs).toBeGreaterThan(0);
    expect(report.dueAt).toBe(currentDueAt(report, calendar));
    expect(report.dueAt).toBeGreaterThan(addWorkingDays(report.routedAt, 3, 'WIB', calendar));
  });

  it('refuses replies to a completed report, writing nothing', async () => {
    const filed = await file();
    await setReport(filed.trackingId, (r) => ({
      ...r,
      status: 'completed',
      closedAt: server.clock.now(),
      dueAt: null,
    }));
    const before = await count('citizen_messages');
    expectApiError(
      await server.request('POST', `/reports/${filed.trackingId}/replies`, {
        body: { body: 'Masih belum beres.' },
        headers: { [CITIZEN_TOKEN_HEADER]: filed.citizenToken },
      }),
      409,
      'citizen/report-closed',
    );
    expect(await count('citizen_messages')).toBe(before);
  });

  it('shows the public view with published responses only, never notes or drafts', async () => {
    const filed = await file();
    const row = await reportRow(filed.trackingId);
    const now = server.clock.now();
    const base = {
      reportId: row.id,
      agencyId: 'dinkes-a',
      authorId: 'u-operator-a',
      createdAt: now,
      updatedAt: now,
    };
    await server.db.query(
      `INSERT INTO responses (id, report_id, scope_path, state, published_at, doc, version) VALUES
        ('resp-pub-' || $1, $1, $2, 'published', $3, $4, 9001),
        ('resp-draft-' || $1, $1, $2, 'draft', NULL, $5, 9002)`,
      [
        row.id,
        row.scope_path,
        now,
        JSON.stringify({
          ...base,
          id: `resp-pub-${row.id}`,
          state: 'published',
          body: 'Jalan sudah ditambal.',
          submittedAt: now,
          reviewedById: 'u-penghubung-a',
          reviewedAt: now,
          publishedAt: now,
          publishedById: 'u-penghubung-a',
        }),
        JSON.stringify({
          ...base,
          id: `resp-draft-${row.id}`,
          state: 'draft',
          body: 'DRAF RAHASIA',
        }),
      ],
    );
    await server.db.query(
      `INSERT INTO notes (id, report_id, scope_path, doc, version) VALUES ('note-' || $1, $1, $2, $3, 9003)`,
      [
        row.id,
        row.scope_path,
        JSON.stringify({
          id: `note-${row.id}`,
          reportId: row.id,
          authorId: 'u-operator-a',
          agencyId: 'pkm-a',
          body: 'CATATAN INTERNAL',
          createdAt: now,
          updatedAt: now,
        }),
      ],
    );
    const response = await server.request('GET', `/reports/${filed.trackingId}`);
    const view = PublicReportSchema.parse(response.body);
    expect(view.responses.map((r) => r.body)).toEqual(['Jalan sudah ditambal.']);
    expect(view.reporterName).toBe(reporter.name);
    expect(view.replies).toBeNull();
    expect(view.agency).toEqual({ id: 'dinkes-a', name: 'Dinas Kesehatan Kabupaten A' });
    expect(response.text).not.toContain('DRAF RAHASIA');
    expect(response.text).not.toContain('CATATAN INTERNAL');
    expect(response.text).not.toContain(reporter.nik);
    expect(response.text).not.toContain(reporter.phone);
  });

  it('never shows who filed an anonymous report, not even to its reporter', async () => {
    const filed = await file({ privacy: { rahasia: false, anonim: true } });
    for (const headers of [{}, { [CITIZEN_TOKEN_HEADER]: filed.citizenToken }]) {
      const response = await server.request('GET', `/reports/${filed.trackingId}`, { headers });
      const view = PublicReportSchema.parse(response.body);
      expect(view.isAnonymous).toBe(true);
      expect(view.reporterName).toBeNull();
      expect(response.text).not.toContain(reporter.name);
      expect(response.text).not.toContain(reporter.nik);
    }
  });

  it('hides a confidential report from everyone but the holder of its token', async () => {
    const filed = await file({ privacy: { rahasia: true, anonim: false } });
    const other = await file();
    const path = `/reports/${filed.trackingId}`;
    expectApiError(await server.request('GET', path), 404, 'citizen/report-not-found');
    expectApiError(
      await server.request('GET', path, {
        headers: { [CITIZEN_TOKEN_HEADER]: other.citizenToken },
      }),
      404,
      'citizen/report-not-found',
    );
    await server.request('POST', `${path}/replies`, {
      body: { body: 'Tambahan keterangan.' },
      headers: { [CITIZEN_TOKEN_HEADER]: filed.citizenToken },
    });
    const mine = await server.request('GET', path, {
      headers: { [CITIZEN_TOKEN_HEADER]: filed.citizenToken },
    });
    const view = PublicReportSchema.parse(mine.body);
    expect(view.isConfidential).toBe(true);
    expect(view.replies?.map((r) => r.body)).toEqual(['Tambahan keterangan.']);
  });

  it('answers unknown and malformed tracking numbers with 404 and 400', async () => {
    expectApiError(
      await server.request('GET', '/reports/987654321'),
      404,
      'citizen/report-not-found',
    );
    expectApiError(await server.request('GET', '/reports/abc'), 400, 'request/invalid');
  });

  it('announces each write to subscribers whose subtree holds the report', async () => {
    const heard: number[] = [];
    const elsewhere: number[] = [];
    const stopHearing = announcer.subscribe({
      path: '/prov/kab-a/',
      onVersion: (v) => heard.push(v),
    });
    const stopElsewhere = announcer.subscribe({
      path: '/prov/kab-b/',
      onVersion: (v) => elsewhere.push(v),
    });
    try {
      const filed = await file();
      const reply = await server.request('POST', `/reports/${filed.trackingId}/replies`, {
        body: { body: 'Tambahan.' },
        headers: { [CITIZEN_TOKEN_HEADER]: filed.citizenToken },
      });
      expect(reply.status).toBe(201);
      const row = await reportRow(filed.trackingId);
      const message = await server.db.query<{ version: number }>(
        'SELECT version FROM citizen_messages WHERE report_id = $1',
        [row.id],
      );
      expect(heard).toEqual([row.version, message.rows[0]?.version]);
      expect(elsewhere).toEqual([]);
    } finally {
      stopHearing();
      stopElsewhere();
    }
  });

  /** Stores a published response on the report, as the agency's liaison officer would have. */
  async function publishResponse(trackingId: string, body: string): Promise<void> {
    const row = await reportRow(trackingId);
    const now = server.clock.now();
    const id = freshId('resp');
    await server.db.query(
      `INSERT INTO responses (id, report_id, scope_path, state, published_at, doc, version)
       VALUES ($1, $2, $3, 'published', $4, $5, $6)`,
      [
        id,
        row.id,
        row.scope_path,
        now,
        JSON.stringify({
          id,
          reportId: row.id,
          agencyId: 'dinkes-a',
          authorId: 'u-operator-a',
          body,
          createdAt: now,
          updatedAt: now,
          state: 'published',
          submittedAt: now,
          reviewedById: 'u-penghubung-a',
          reviewedAt: now,
          publishedAt: now,
          publishedById: 'u-penghubung-a',
        }),
        row.version + 2000,
      ],
    );
  }

  it('shows a merged duplicate with the kept report’s published responses, never the kept report’s reporter', async () => {
    const keptReporter = { name: 'Ahmad Fauzi', nik: '3273011203850002', phone: '081298765432' };
    const keptBody = 'Lubang di depan rumah saya, Gang Melati 5, sudah sebulan.';
    const kept = await file({ reporter: keptReporter, body: keptBody });
    const duplicate = await file();
    const reports = await Promise.all(
      [kept, duplicate].map(async (f) => internalReport(await reportRow(f.trackingId))),
    );
    const [keptReport] = reports;
    if (keptReport === undefined) throw new Error('no kept report');

    // The merge as an operator makes it: planned by the shared planner, pushed as admin-a.
    const batchId = freshId('batch');
    const plan = planBulk(
      {
        action: { kind: 'merge', keepReportId: keptReport.id },
        batchId,
        reports: reports.map((report) => ({ id: report.id, report })),
      },
      {
        actor: { kind: 'user', id: 'u-admin-a', role: 'admin_instansi', agencyId: 'dinkes-a' },
        now: server.clock.now(),
        agencies: new Map(FIXTURES.agencies.map((a) => [a.id, { ...a, version: 1 }])),
        calendar,
        categories: new Map(),
        users: new Map(),
      },
      () => freshId('note'),
    );
    expect(plan.skipped).toEqual([]);
    const client = new TestClient();
    const baseVersion = Math.max(...reports.map((r) => r.version));
    const pushed = await pushHttp(
      server,
      'admin-a',
      client.clientId,
      plan.items.map((m) => client.mutation(m.name, m.args, baseVersion)),
    );
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await publishResponse(kept.trackingId, 'Lubang sudah ditambal oleh Dinas PU.');

    const response = await server.request('GET', `/reports/${duplicate.trackingId}`);
    const view = PublicReportSchema.parse(response.body);
    expect(view.status).toBe('archived');
    expect(view.responses).toEqual([]);
    expect(view.mergedInto).toEqual({
      trackingId: kept.trackingId,
      status: 'unverified',
      responses: [
        {
          id: expect.any(String) as unknown,
          body: 'Lubang sudah ditambal oleh Dinas PU.',
          publishedAt: server.clock.now(),
        },
      ],
    });
    // The duplicate's own reporter is still named; nothing of the kept report's reporter or text.
    expect(view.reporterName).toBe(reporter.name);
    for (const secret of [keptReporter.name, keptReporter.nik, keptReporter.phone, keptBody]) {
      expect(response.text).not.toContain(secret);
    }
    // The kept report itself is not a duplicate of anything.
    const keptView = PublicReportSchema.parse(
      (await server.request('GET', `/reports/${kept.trackingId}`)).body,
    );
    expect(keptView.mergedInto).toBeNull();
    expect(keptView.responses.map((r) => r.body)).toEqual(['Lubang sudah ditambal oleh Dinas PU.']);

    // Both halves of the merge are audited with the batch id.
    const events = await server.db.query<{ batch_id: string; doc: { action: string } }>(
      'SELECT batch_id, doc FROM audit_events WHERE batch_id = $1 ORDER BY report_id',
      [batchId],
    );
    expect(events.rows.map((e) => e.doc.action).sort()).toEqual(['add_note', 'archive']);
  });

  it('shows a confidential kept report’s status and responses only to the duplicate’s reporter', async () => {
    const kept = await file({ privacy: { rahasia: true, anonim: false } });
    const duplicate = await file();
    await setReport(duplicate.trackingId, (r) => ({
      ...r,
      status: 'archived',
      archiveReason: 'duplicate',
      duplicateOf: kept.trackingId,
      closedAt: server.clock.now(),
      dueAt: null,
    }));
    await publishResponse(kept.trackingId, 'Sudah ditindaklanjuti.');

    const publicView = PublicReportSchema.parse(
      (await server.request('GET', `/reports/${duplicate.trackingId}`)).body,
    );
    expect(publicView.mergedInto).toEqual({
      trackingId: kept.trackingId,
      status: null,
      responses: [],
    });
    const ownerView = PublicReportSchema.parse(
      (
        await server.request('GET', `/reports/${duplicate.trackingId}`, {
          headers: { [CITIZEN_TOKEN_HEADER]: duplicate.citizenToken },
        })
      ).body,
    );
    expect(ownerView.mergedInto?.status).toBe('unverified');
    expect(ownerView.mergedInto?.responses.map((r) => r.body)).toEqual(['Sudah ditindaklanjuti.']);
  });

  it('shows a duplicate of a number that names no report as that number alone', async () => {
    const duplicate = await file();
    await setReport(duplicate.trackingId, (r) => ({
      ...r,
      status: 'archived',
      archiveReason: 'duplicate',
      duplicateOf: '999999999999',
      closedAt: server.clock.now(),
      dueAt: null,
    }));
    const view = PublicReportSchema.parse(
      (await server.request('GET', `/reports/${duplicate.trackingId}`)).body,
    );
    expect(view.mergedInto).toEqual({ trackingId: '999999999999', status: null, responses: [] });
  });
});
