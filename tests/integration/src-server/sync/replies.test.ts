// Replies over the real push: a unit operator sends a reply for approval, the liaison officer
// approves and publishes it in one step, and the citizen's public page shows it; a chunk of many
// replies is decided and written set-based.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PublicReportSchema } from '../../../../src-shared/api/citizen';
import type { Report } from '../../../../src-shared/domain/report';
import type { Template } from '../../../../src-shared/domain/template';
import { describeEachBackend } from '../../../support/test-db';
import { startTestServer, type TestServer } from '../../../support/test-server';
import {
  TestClient,
  freshId,
  insertOneReport,
  insertResponse,
  insertTemplate,
  pullToEnd,
  pushHttp,
  reportFootprint,
  responseIn,
} from './sync-support';

async function storedReport(server: TestServer, id: string): Promise<Report> {
  const { rows } = await server.db.query<{ doc: Report }>('SELECT doc FROM reports WHERE id = $1', [
    id,
  ]);
  return rows[0]!.doc;
}

async function storedResponse(
  server: TestServer,
  id: string,
): Promise<{ state: string; published_at: string | number | null; doc: Record<string, unknown> }> {
  const { rows } = await server.db.query<{
    state: string;
    published_at: string | number | null;
    doc: Record<string, unknown>;
  }>('SELECT state, published_at, doc FROM responses WHERE id = $1', [id]);
  return rows[0]!;
}

async function auditOf(
  server: TestServer,
  reportId: string,
): Promise<{ batch_id: string | null; doc: Record<string, unknown> }[]> {
  const { rows } = await server.db.query<{ batch_id: string | null; doc: Record<string, unknown> }>(
    'SELECT batch_id, doc FROM audit_events WHERE report_id = $1 ORDER BY version',
    [reportId],
  );
  return rows;
}

async function publicView(server: TestServer, trackingId: string) {
  const response = await server.request('GET', `/reports/${trackingId}`);
  expect(response.status, response.text).toBe(200);
  return { view: PublicReportSchema.parse(response.body), text: response.text };
}

describeEachBackend('replies over push', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  const inProgress = () =>
    insertOneReport(server.db, { agencyId: 'dinkes-a', unitId: 'pkm-a', status: 'in_progress' });

  it('sends a reply for approval, then approves and publishes it: the citizen sees it', async () => {
    const report = await inProgress();
    const responseId = freshId('resp');
    const body = 'Yth. Bapak Budi, jalan di depan puskesmas akan ditambal pekan depan.';

    const operator = new TestClient();
    const sent = await pushHttp(server, 'operator-a', operator.clientId, [
      operator.mutation(
        'response.send',
        { reportId: report.id, responseId, body, publish: false },
        report.version,
      ),
    ]);
    expect(sent.results[0]?.status).toBe('applied');
    expect(await storedResponse(server, responseId)).toMatchObject({
      state: 'submitted',
      published_at: null,
      doc: { body, authorId: 'u-operator-a', submittedAt: server.clock.now() },
    });
    expect((await storedReport(server, report.id)).status).toBe('in_progress');
    // Submitted, not published: nothing reaches the citizen yet.
    const before = await publicView(server, report.trackingId);
    expect(before.view.responses).toEqual([]);
    expect(before.text).not.toContain('ditambal');

    const liaison = new TestClient();
    const approved = await pushHttp(server, 'penghubung-a', liaison.clientId, [
      liaison.mutation(
        'response.approve',
        { reportId: report.id, responseId, publish: true, batchId: 'batch-approve-1' },
        sent.results[0]!.version!,
      ),
    ]);
    expect(approved.results[0]?.status).toBe('applied');

    const now = server.clock.now();
    expect(await storedReport(server, report.id)).toMatchObject({
      status: 'responded',
      firstResponseAt: now,
      respondedAt: now,
    });
    const stored = await storedResponse(server, responseId);
    expect(stored.state).toBe('published');
    expect(Number(stored.published_at)).toBe(now);
    expect(stored.doc).toMatchObject({
      reviewedById: 'u-penghubung-a',
      publishedById: 'u-penghubung-a',
      publishedAt: now,
    });
    expect(await auditOf(server, report.id)).toEqual([
      {
        batch_id: 'batch-approve-1',
        doc: expect.objectContaining({
          action: 'publish_response',
          from: 'in_progress',
          to: 'responded',
          batchId: 'batch-approve-1',
        }) as unknown,
      },
    ]);

    const after = await publicView(server, report.trackingId);
    expect(after.view.status).toBe('responded');
    expect(after.view.responses).toEqual([{ id: responseId, body, publishedAt: now }]);

    // The operator's devices hear of it: the pull carries the published response and the report.
    const pulled = await pullToEnd(server, 'operator-a');
    const rows = pulled.changes.filter((c) => c.id === responseId || c.id === report.id);
    expect(rows.map((c) => ('data' in c ? [c.entity, c.data] : [c.entity]))).toEqual(
      expect.arrayContaining([
        ['response', expect.objectContaining({ state: 'published' })],
        ['report', expect.objectContaining({ status: 'responded' })],
      ]),
    );
  });

  it('refuses a reply with an unfilled placeholder and writes nothing', async () => {
    const report = await inProgress();
    const footprint = await reportFootprint(server.db, report.id);
    const client = new TestClient();
    const pushed = await pushHttp(server, 'penghubung-a', client.clientId, [
      client.mutation(
        'response.send',
        {
          reportId: report.id,
          responseId: freshId('resp'),
          body: 'Yth. {{pelapor.sapaan}}, laporan Anda sudah ditindaklanjuti.',
          publish: true,
        },
        report.version,
      ),
    ]);
    expect(pushed.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'mutation/invalid', reasonKey: 'mutation.response_unfilled' },
    });
    expect(await reportFootprint(server.db, report.id)).toEqual(footprint);
    expect((await publicView(server, report.trackingId)).view.responses).toEqual([]);
  });

  it('decides a chunk of many replies at once, each against what the earlier ones left', async () => {
    const reports = await Promise.all(Array.from({ length: 4 }, () => inProgress()));
    const [first, second, third, fourth] = reports as [Report, Report, Report, Report];
    // The operator's draft on the third report: the liaison officer may not send it.
    const othersDraft = responseIn('draft', third.id);
    await insertResponse(server.db, othersDraft);
    const ids = reports.map(() => freshId('resp'));
    const reply = (n: number) => `Yth. Pelapor, laporan nomor ${String(n)} sudah kami tangani.`;

    const client = new TestClient();
    const pushed = await pushHttp(server, 'penghubung-a', client.clientId, [
      // Published at once, in one batch.
      client.mutation(
        'response.send',
        { reportId: first.id, responseId: ids[0]!, body: reply(1), publish: true, batchId: 'b-1' },
        first.version,
      ),
      client.mutation(
        'response.send',
        { reportId: second.id, responseId: ids[1]!, body: reply(2), publish: true, batchId: 'b-1' },
        second.version,
      ),
      // A second reply to the first report: it is responded now, so this one is refused.
      client.mutation(
        'response.send',
        { reportId: first.id, responseId: freshId('resp'), body: reply(9), publish: true },
        first.version,
      ),
      client.mutation(
        'response.send',
        { reportId: third.id, responseId: othersDraft.id, body: reply(3), publish: true },
        third.version,
      ),
      // Submitted, then approved and published by the same chunk.
      client.mutation(
        'response.send',
        { reportId: fourth.id, responseId: ids[3]!, body: reply(4), publish: false },
        fourth.version,
      ),
      client.mutation(
        'response.approve',
        { reportId: fourth.id, responseId: ids[3]!, publish: true },
        fourth.version,
      ),
    ]);
    expect(pushed.results.map((r) => [r.status, r.error?.reasonKey])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
      ['rejected', 'mutation.report_not_in_progress'],
      ['rejected', 'mutation.response_other_author'],
      ['applied', undefined],
      ['applied', undefined],
    ]);
    const versions = pushed.results.flatMap((r) => (r.version === undefined ? [] : [r.version]));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);

    for (const [report, n] of [
      [first, 1],
      [second, 2],
      [fourth, 4],
    ] as const) {
      expect((await storedReport(server, report.id)).status).toBe('responded');
      const { view } = await publicView(server, report.trackingId);
      expect(view.responses.map((r) => r.body)).toEqual([reply(n)]);
    }
    expect((await storedReport(server, third.id)).status).toBe('in_progress');
    expect((await storedResponse(server, othersDraft.id)).state).toBe('draft');
    expect((await auditOf(server, first.id)).map((e) => e.batch_id)).toEqual(['b-1']);
    expect((await auditOf(server, second.id)).map((e) => e.batch_id)).toEqual(['b-1']);
    expect((await auditOf(server, fourth.id)).map((e) => e.batch_id)).toEqual([null]);
  });

  it('stores a template’s description and categories and raises its version with every edit', async () => {
    const templateId = freshId('tpl');
    const client = new TestClient();
    const edit = (name: string, extra: { description?: string; categoryIds?: string[] } = {}) =>
      client.mutation(
        'template.upsert',
        { templateId, scope: 'agency', kind: 'jawaban_akhir', name, body: 'Yth.', ...extra },
        0,
      );
    const pushed = await pushHttp(server, 'admin-a', client.clientId, [
      edit('Jawaban akhir', { description: ' Untuk laporan selesai ', categoryIds: ['jalan'] }),
      edit('Jawaban akhir (revisi)'),
    ]);
    const [created, revised] = pushed.results.map((r) => r.version!);
    expect(revised).toBeGreaterThan(created!);
    const third = await pushHttp(server, 'admin-a', client.clientId, [edit('Jawaban akhir 3')]);
    expect(third.results[0]!.version).toBeGreaterThan(revised!);

    const { rows } = await server.db.query<{ doc: Omit<Template, 'version'>; version: number }>(
      'SELECT doc, version FROM templates WHERE id = $1',
      [templateId],
    );
    expect(rows[0]?.doc).toMatchObject({
      name: 'Jawaban akhir 3',
      description: 'Untuk laporan selesai',
      categoryIds: ['jalan'],
    });
    expect(Number(rows[0]?.version)).toBe(third.results[0]!.version);
  });

  it('fills in the description and categories of a template stored before they existed', async () => {
    const templateId = freshId('tpl');
    const legacy = {
      id: templateId,
      kind: 'arsip',
      name: 'Arsip lama',
      body: 'Yth.',
      agencyId: 'dinkes-a',
      version: 0,
      updatedBy: 'u-admin-a',
      updatedAt: 0,
      scope: 'agency',
    } as unknown as Template;
    const version = await insertTemplate(server.db, legacy);
    const client = new TestClient();
    const pushed = await pushHttp(server, 'admin-a', client.clientId, [
      client.mutation(
        'template.upsert',
        { templateId, scope: 'agency', kind: 'arsip', name: 'Arsip', body: 'Yth.' },
        version,
      ),
    ]);
    expect(pushed.results[0]?.status).toBe('applied');
    const { rows } = await server.db.query<{ doc: Record<string, unknown> }>(
      'SELECT doc FROM templates WHERE id = $1',
      [templateId],
    );
    expect(rows[0]?.doc).toMatchObject({ name: 'Arsip', description: '', categoryIds: [] });
  });
});
