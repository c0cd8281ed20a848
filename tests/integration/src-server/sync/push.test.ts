import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../../src-shared/domain/report';
import { ReportSchema } from '../../../../src-shared/domain/report';
import { defaultInboxQuery } from '../../../../src-shared/inbox/queries';
import {
  PushResponseSchema,
  type MutationEnvelope,
  type PushResult,
} from '../../../../src-shared/sync/protocol';
import { createServer } from '../../../../src-server/server';
import { expectApiError, startTestServer, type TestServer } from '../../../support/test-server';
import { describeEachBackend } from '../../../support/test-db';
import {
  TestClient,
  insertCategory,
  insertOneReport,
  insertResponse,
  insertSavedView,
  insertTemplate,
  freshId,
  pushHttp,
  reportFootprint,
  responseIn,
} from './sync-support';

async function storedReport(
  server: TestServer,
  id: string,
): Promise<{ doc: Report; version: number }> {
  const { rows } = await server.db.query<{ doc: Report; version: number }>(
    'SELECT doc, version FROM reports WHERE id = $1',
    [id],
  );
  return rows[0]!;
}

async function count(server: TestServer, table: string, reportId: string): Promise<number> {
  return (await server.db.query(`SELECT id FROM ${table} WHERE report_id = $1`, [reportId])).rows
    .length;
}

describeEachBackend('sync push', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    await insertCategory(server.db, 'kesehatan');
  });
  afterAll(async () => {
    await server.close();
  });

  describe('idempotency and order', () => {
    it('applies a batch once when it is pushed twice', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const batch = [
        client.mutation('report.setTags', { reportId: report.id, tags: ['jalan'] }, report.version),
        client.mutation(
          'note.add',
          { reportId: report.id, noteId: freshId('n'), body: 'Cek lokasi' },
          report.version,
        ),
        client.mutation(
          'report.verifyDispose',
          { reportId: report.id, targetAgencyId: 'dinkes-a', targetUnitId: 'pkm-a' },
          report.version,
        ),
      ];
      const first = await pushHttp(server, 'admin-a', client.clientId, batch);
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      expect(first.lastMutationId).toBe(3);
      const footprint = await reportFootprint(server.db, report.id);

      const again = await pushHttp(server, 'admin-a', client.clientId, batch);
      expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(again.lastMutationId).toBe(3);
      expect(await reportFootprint(server.db, report.id)).toEqual(footprint);
      expect(await count(server, 'notes', report.id)).toBe(1);
      expect(await count(server, 'dispositions', report.id)).toBe(1);
      expect(await count(server, 'audit_events', report.id)).toBe(1);
    });

    it('tells a retry the original outcome of each mutation, refusals included', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const batch = [
        client.mutation(
          'report.setTags',
          { reportId: report.id, tags: ['banjir'] },
          report.version,
        ),
        // A blank reason: refused for good.
        client.mutation(
          'report.notAuthority',
          { reportId: report.id, reason: ' ' },
          report.version,
        ),
      ];
      const first = await pushHttp(server, 'admin-a', client.clientId, batch);
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected']);

      const again = await pushHttp(server, 'admin-a', client.clientId, batch);
      expect(again.results).toEqual([
        {
          id: 1,
          status: 'duplicate',
          original: { status: 'applied', version: first.results[0]?.version },
        },
        {
          id: 2,
          status: 'duplicate',
          original: { status: 'rejected', error: first.results[1]?.error },
        },
      ]);
    });

    it('applies each mutation exactly once when a push is cut off and retried', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const notes = Array.from({ length: 6 }, (_, i) =>
        client.mutation(
          'note.add',
          { reportId: report.id, noteId: freshId(`n${String(i)}`), body: `catatan ${String(i)}` },
          report.version,
        ),
      );
      // The first push reached the server for three mutations, then the connection dropped.
      const partial = await pushHttp(server, 'admin-a', client.clientId, notes.slice(0, 3));
      expect(partial.lastMutationId).toBe(3);
      const retried = await pushHttp(server, 'admin-a', client.clientId, notes);
      expect(retried.results.map((r) => r.status)).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
        'applied',
        'applied',
        'applied',
      ]);
      expect(retried.lastMutationId).toBe(6);
      expect(await count(server, 'notes', report.id)).toBe(6);
    });

    it('refuses a gap and processes nothing after it until the client resends', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const [m1, m2, m3] = [1, 2, 3].map((i) =>
        client.mutation(
          'note.add',
          { reportId: report.id, noteId: freshId(`g${String(i)}`), body: 'x' },
          report.version,
        ),
      ) as [MutationEnvelope, MutationEnvelope, MutationEnvelope];
      await pushHttp(server, 'admin-a', client.clientId, [m1]);
      const gapped = await pushHttp(server, 'admin-a', client.clientId, [m3]);
      expect(gapped).toEqual({ lastMutationId: 1, results: [], gap: { expected: 2 } });
      expect(await count(server, 'notes', report.id)).toBe(1);
      const resent = await pushHttp(server, 'admin-a', client.clientId, [m2, m3]);
      expect(resent.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(await count(server, 'notes', report.id)).toBe(3);
    });

    it('answers the last mutation id of a client for an empty push', async () => {
      const client = new TestClient();
      expect(await pushHttp(server, 'admin-a', client.clientId, [])).toEqual({
        lastMutationId: 0,
        results: [],
      });
    });

    it('does not let another user push under a client id that is not theirs', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      await pushHttp(server, 'admin-a', client.clientId, [
        client.mutation('report.setTags', { reportId: report.id, tags: ['a'] }, report.version),
      ]);
      const before = await reportFootprint(server.db, report.id);
      const hijack = await server.request('POST', '/sync/push', {
        token: await server.login('koordinator'),
        body: {
          clientId: client.clientId,
          mutations: [client.mutation('report.setTags', { reportId: report.id, tags: ['b'] }, 0)],
        },
      });
      expectApiError(hijack, 403, 'sync/client-not-owned');
      expect(await reportFootprint(server.db, report.id)).toEqual(before);
    });
  });

  describe('conflicts', () => {
    it('gives one applied and one superseded when two clients change one field at once, and loses nothing', async () => {
      const reports = await Promise.all(
        Array.from({ length: 4 }, () => insertOneReport(server.db, { agencyId: 'dinkes-a' })),
      );
      await Promise.all(
        reports.map(async (report) => {
          const a = new TestClient();
          const b = new TestClient();
          const [resultA, resultB] = await Promise.all([
            pushHttp(server, 'admin-a', a.clientId, [
              a.mutation(
                'report.setTags',
                { reportId: report.id, tags: ['dari-a'] },
                report.version,
              ),
            ]),
            pushHttp(server, 'koordinator', b.clientId, [
              b.mutation(
                'report.setTags',
                { reportId: report.id, tags: ['dari-b'] },
                report.version,
              ),
            ]),
          ]);
          const results = [resultA.results[0]!, resultB.results[0]!];
          expect(results.map((r) => r.status).sort()).toEqual(['applied', 'superseded']);
          const winner = results[0]!.status === 'applied' ? 'dari-a' : 'dari-b';
          const stored = await storedReport(server, report.id);
          expect(stored.doc.tags).toEqual([winner]);
          const superseded = results.find((r) => r.status === 'superseded')!;
          expect(superseded.error?.code).toBe('mutation/changed-meanwhile');
          expect(superseded.current).toMatchObject({
            entity: 'report',
            id: report.id,
            version: stored.version,
          });
          expect((superseded.current?.data as Report).tags).toEqual([winner]);
        }),
      );
    });

    it('applies exactly one of many simultaneous pushes that set one field', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const usernames = ['admin-a', 'koordinator', 'koordinator-prov'];
      const pushes = Array.from({ length: 9 }, (_, i) => {
        const client = new TestClient();
        return pushHttp(server, usernames[i % 3]!, client.clientId, [
          client.mutation(
            'report.setTags',
            { reportId: report.id, tags: [`c${String(i)}`] },
            report.version,
          ),
        ]);
      });
      const statuses = (await Promise.all(pushes)).map((p) => p.results[0]!.status);
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'superseded')).toHaveLength(8);
      const winner = statuses.indexOf('applied');
      expect((await storedReport(server, report.id)).doc.tags).toEqual([`c${String(winner)}`]);
    });

    it('supersedes the second of two reviews of one submitted response', async () => {
      const report = await insertOneReport(server.db, {
        agencyId: 'dinkes-a',
        unitId: 'pkm-a',
        status: 'in_progress',
      });
      const response = responseIn('submitted', report.id);
      const base = await insertResponse(server.db, response);
      const approver = new TestClient();
      const returner = new TestClient();
      const args = { reportId: report.id, responseId: response.id };
      const [approved, returned] = await Promise.all([
        pushHttp(server, 'penghubung-a', approver.clientId, [
          approver.mutation('response.approve', args, base),
        ]),
        pushHttp(server, 'penghubung-a', returner.clientId, [
          returner.mutation('response.return', { ...args, comment: 'Kurang jelas' }, base),
        ]),
      ]);
      const statuses = [approved.results[0]!.status, returned.results[0]!.status];
      expect(statuses.sort()).toEqual(['applied', 'superseded']);
      const stored = await server.db.query<{ state: string }>(
        'SELECT state FROM responses WHERE id = $1',
        [response.id],
      );
      expect(stored.rows[0]?.state).toBe(
        approved.results[0]!.status === 'applied' ? 'approved' : 'returned',
      );
    });

    it('supersedes an edit of a shared template that someone else changed meanwhile', async () => {
      const templateId = freshId('tpl');
      const base = await insertTemplate(server.db, {
        id: templateId,
        kind: 'tindak_lanjut',
        name: 'Umum',
        body: 'Yth.',
        description: '',
        categoryIds: [],
        revision: 1,
        agencyId: 'dinkes-a',
        version: 0,
        updatedBy: 'u-admin-a',
        updatedAt: 0,
        scope: 'agency',
      });
      const a = new TestClient();
      const b = new TestClient();
      const edit = (name: string) => ({
        templateId,
        scope: 'agency' as const,
        kind: 'tindak_lanjut' as const,
        name,
        body: name,
      });
      const first = await pushHttp(server, 'admin-a', a.clientId, [
        a.mutation('template.upsert', edit('Versi A'), base),
      ]);
      const second = await pushHttp(server, 'koordinator', b.clientId, [
        b.mutation('template.upsert', edit('Versi B'), base),
      ]);
      expect(first.results[0]?.status).toBe('applied');
      expect(second.results[0]).toMatchObject({
        status: 'superseded',
        current: { entity: 'template', id: templateId, data: { name: 'Versi A' } },
      });
    });

    it('supersedes a transition that no longer starts from the current status', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const a = new TestClient();
      const b = new TestClient();
      const [resultA, resultB] = await Promise.all([
        pushHttp(server, 'admin-a', a.clientId, [
          a.mutation(
            'report.verifyDispose',
            { reportId: report.id, targetAgencyId: 'dinkes-a', targetUnitId: 'pkm-a' },
            report.version,
          ),
        ]),
        pushHttp(server, 'koordinator', b.clientId, [
          b.mutation(
            'report.archive',
            { reportId: report.id, reason: 'too_general' },
            report.version,
          ),
        ]),
      ]);
      const results = [resultA.results[0]!, resultB.results[0]!];
      expect(results.map((r) => r.status).sort()).toEqual(['applied', 'superseded']);
      const superseded = results.find((r) => r.status === 'superseded')!;
      expect(superseded.error?.code).toBe('workflow/wrong-status');
      const stored = await storedReport(server, report.id);
      expect(stored.doc.status).toBe(results[0]!.status === 'applied' ? 'disposed' : 'archived');
      expect(await count(server, 'audit_events', report.id)).toBe(1);
    });

    it('applies a status change and a note added at the same time, in either order', async () => {
      for (const noteFirst of [true, false]) {
        const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
        const a = new TestClient();
        const b = new TestClient();
        const note = () =>
          pushHttp(server, 'koordinator', b.clientId, [
            b.mutation(
              'note.add',
              { reportId: report.id, noteId: freshId('n'), body: 'Sudah dicek' },
              report.version,
            ),
          ]);
        const dispose = () =>
          pushHttp(server, 'admin-a', a.clientId, [
            a.mutation(
              'report.verifyDispose',
              { reportId: report.id, targetAgencyId: 'dinkes-a' },
              report.version,
            ),
          ]);
        const [first, second] = noteFirst
          ? [await note(), await dispose()]
          : [await dispose(), await note()];
        expect([first.results[0]?.status, second.results[0]?.status]).toEqual([
          'applied',
          'applied',
        ]);
        expect((await storedReport(server, report.id)).doc.status).toBe('disposed');
        expect(await count(server, 'notes', report.id)).toBe(1);
      }
    });

    it('never supersedes a client by its own earlier writes', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const pushed = await pushHttp(server, 'admin-a', client.clientId, [
        client.mutation(
          'report.verifyDispose',
          { reportId: report.id, targetAgencyId: 'dinkes-a', targetUnitId: 'pkm-a' },
          report.version,
        ),
        client.mutation('report.startProcessing', { reportId: report.id }, report.version),
        client.mutation('report.setTags', { reportId: report.id, tags: ['x'] }, report.version),
        client.mutation('report.setTags', { reportId: report.id, tags: ['y'] }, report.version),
      ]);
      expect(pushed.results.map((r) => r.status)).toEqual([
        'applied',
        'applied',
        'applied',
        'applied',
      ]);
      const versions = pushed.results.map((r) => r.version!);
      expect([...versions].sort((x, y) => x - y)).toEqual(versions);
      expect((await storedReport(server, report.id)).doc).toMatchObject({
        status: 'in_progress',
        tags: ['y'],
      });
    });

    it('rejects a refusal when nobody else wrote since the base version', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const pushed = await pushHttp(server, 'admin-a', client.clientId, [
        client.mutation('report.resume', { reportId: report.id }, report.version),
      ]);
      expect(pushed.results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'workflow/wrong-status', reasonKey: 'workflow.wrong_status' },
      });
      expect(pushed.lastMutationId).toBe(1);
    });

    it('returns the current report without the identity of an anonymous reporter', async () => {
      const report = await insertOneReport(server.db, {
        agencyId: 'dinkes-a',
        privacy: { rahasia: false, anonim: true },
      });
      const a = new TestClient();
      const b = new TestClient();
      await pushHttp(server, 'admin-a', a.clientId, [
        a.mutation('report.setTags', { reportId: report.id, tags: ['a'] }, report.version),
      ]);
      const late = await pushHttp(server, 'koordinator', b.clientId, [
        b.mutation('report.setTags', { reportId: report.id, tags: ['b'] }, report.version),
      ]);
      expect(late.results[0]?.status).toBe('superseded');
      const current = late.results[0]?.current?.data as Report;
      expect(current.reporter).toBeNull();
      expect(JSON.stringify(late)).not.toContain('Budi Santoso');
      expect(ReportSchema.safeParse(current).success).toBe(true);
    });
  });

  describe('scope changes', () => {
    it('leaves tombstones at the old place when a report moves out of it, and moves its history along', async () => {
      const report = await insertOneReport(server.db, {
        agencyId: 'dinkes-a',
        unitId: 'pkm-a',
        status: 'disposed',
      });
      const client = new TestClient();
      const noteId = freshId('n');
      const pushed = await pushHttp(server, 'koordinator', client.clientId, [
        client.mutation(
          'note.add',
          { reportId: report.id, noteId, body: 'pindah' },
          report.version,
        ),
        client.mutation(
          'report.redispose',
          { reportId: report.id, targetAgencyId: 'disdik-a' },
          report.version,
        ),
      ]);
      expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const tombstones = await server.db.query<{
        entity: string;
        entity_id: string;
        scope_path: string;
        version: number;
      }>(
        'SELECT entity, entity_id, scope_path, version FROM tombstones WHERE entity_id = ANY($1) ORDER BY version',
        [[report.id, noteId]],
      );
      expect(tombstones.rows.map((t) => [t.entity, t.entity_id, t.scope_path])).toEqual([
        ['report', report.id, '/prov/kab-a/dinkes-a/pkm-a/'],
        ['note', noteId, '/prov/kab-a/dinkes-a/pkm-a/'],
      ]);
      const moved = await server.db.query<{ scope_path: string; version: number }>(
        'SELECT scope_path, version FROM notes WHERE id = $1',
        [noteId],
      );
      expect(moved.rows[0]?.scope_path).toBe('/prov/kab-a/disdik-a/');
      const stored = await server.db.query<{ scope_path: string; version: number }>(
        'SELECT scope_path, version FROM reports WHERE id = $1',
        [report.id],
      );
      expect(stored.rows[0]?.scope_path).toBe('/prov/kab-a/disdik-a/');
      // The tombstones come first, so a viewer who keeps the report sees its newer version after them.
      expect(Math.max(...tombstones.rows.map((t) => t.version))).toBeLessThan(
        stored.rows[0]!.version,
      );
    });

    it('moves a report into a unit without tombstones: everyone who saw it still does', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      await pushHttp(server, 'admin-a', client.clientId, [
        client.mutation(
          'report.verifyDispose',
          { reportId: report.id, targetAgencyId: 'dinkes-a', targetUnitId: 'pkm-a' },
          report.version,
        ),
      ]);
      const tombstones = await server.db.query(
        'SELECT version FROM tombstones WHERE entity_id = $1',
        [report.id],
      );
      expect(tombstones.rows).toEqual([]);
    });
  });

  describe('bad input', () => {
    it('rejects unknown mutations, wrong argument types and invalid transitions, writing nothing', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const before = await reportFootprint(server.db, report.id);
      const client = new TestClient();
      const pushed = await pushHttp(server, 'admin-a', client.clientId, [
        client.raw('report.delete', { reportId: report.id }),
        client.raw('report.extendDeadline', {
          reportId: report.id,
          days: 'tiga puluh',
          reason: 'x',
        }),
        client.raw('report.setTags', { reportId: report.id, tags: ['a'], status: 'completed' }),
        client.raw('report.startProcessing', { reportId: report.id }, report.version),
        client.raw('__proto__', {}),
        client.raw('note.add', { reportId: report.id, noteId: 'n\u0000', body: 'nul' }),
        client.raw('note.add', {
          reportId: report.id,
          noteId: freshId('n'),
          body: 'setengah \ud800',
        }),
      ]);
      expect(pushed.results.map((r) => [r.status, r.error?.code])).toEqual([
        ['rejected', 'mutation/unknown-name'],
        ['rejected', 'mutation/invalid-args'],
        ['rejected', 'mutation/invalid-args'],
        ['rejected', 'workflow/wrong-status'],
        ['rejected', 'mutation/unknown-name'],
        ['rejected', 'mutation/invalid-args'],
        ['rejected', 'mutation/invalid-args'],
      ]);
      expect(pushed.lastMutationId).toBe(7);
      expect(await reportFootprint(server.db, report.id)).toEqual(before);
    });

    it('stores SQL-looking text as text', async () => {
      const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
      const client = new TestClient();
      const evil = "'); DELETE FROM reports; DROP TABLE notes; --";
      const pushed = await pushHttp(server, 'admin-a', client.clientId, [
        client.mutation(
          'note.add',
          { reportId: report.id, noteId: freshId('n'), body: evil },
          report.version,
        ),
        client.mutation(
          'report.setTags',
          { reportId: report.id, tags: [evil.slice(0, 50)] },
          report.version,
        ),
        client.raw('note.add', {
          reportId: `${report.id}' OR '1'='1`,
          noteId: freshId('n'),
          body: 'x',
        }),
      ]);
      expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
      expect(pushed.results[2]?.error?.code).toBe('mutation/not-found');
      const notes = await server.db.query<{ doc: { body: string } }>(
        'SELECT doc FROM notes WHERE report_id = $1',
        [report.id],
      );
      expect(notes.rows.map((n) => n.doc.body)).toEqual([evil]);
      expect(
        (await server.db.query('SELECT id FROM reports WHERE id = $1', [report.id])).rows,
      ).toHaveLength(1);
    });

    it('answers 400 with a code for malformed pushes, writing nothing', async () => {
      const token = await server.login('admin-a');
      const client = new TestClient();
      const valid = client.mutation('report.setTags', { reportId: 'r-x', tags: [] }, 0);
      for (const body of [
        { clientId: client.clientId },
        { clientId: client.clientId, mutations: 'semua' },
        { clientId: 'pendek', mutations: [] },
        { clientId: client.clientId, mutations: [{ ...valid, clientId: 'client-someone-else' }] },
        { clientId: client.clientId, mutations: [{ ...valid, id: 1.5 }] },
        { clientId: client.clientId, mutations: [{ ...valid, baseVersion: -1 }] },
        { clientId: client.clientId, mutations: [valid], extra: true },
      ]) {
        expectApiError(
          await server.request('POST', '/sync/push', { token, body }),
          400,
          'request/invalid',
        );
      }
      expectApiError(
        await server.request('POST', '/sync/push', {
          token,
          rawBody: '{"clientId": ',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'request/malformed-json',
      );
      const recorded = await server.db.query(
        'SELECT client_id FROM client_mutations WHERE client_id = $1',
        [client.clientId],
      );
      expect(recorded.rows).toEqual([]);
    });

    it('requires a signed-in caller', async () => {
      const response = await server.request('POST', '/sync/push', {
        body: { clientId: 'client-abcdefgh', mutations: [] },
      });
      expectApiError(response, 401, 'auth/unauthenticated');
    });
  });

  describe('on a simulation server', () => {
    it('lets a trainee act as every operator role in their subtree, but not outside it', async () => {
      // A second server on the same database, started as a training server.
      const training = await createServer({
        db: server.db,
        clock: server.clock,
        ids: server.ids,
        version: '0.0.0-test',
        log: { level: 'silent' },
        simulation: true,
      });
      try {
        const report = await insertOneReport(server.db, { agencyId: 'dinkes-a' });
        const outside = await insertOneReport(server.db, { agencyId: 'dinkes-b' });
        const client = new TestClient();
        const response = await training.inject({
          method: 'POST',
          url: '/api/v1/sync/push',
          headers: { authorization: `Bearer ${await server.login('peserta')}` },
          payload: {
            clientId: client.clientId,
            mutations: [
              client.mutation(
                'report.verifyDispose',
                { reportId: report.id, targetAgencyId: 'dinkes-a', targetUnitId: 'pkm-a' },
                report.version,
              ),
              client.mutation('report.startProcessing', { reportId: report.id }, report.version),
              client.mutation(
                'report.setTags',
                { reportId: outside.id, tags: ['x'] },
                outside.version,
              ),
            ],
          },
        });
        expect(response.statusCode).toBe(200);
        const pushed = PushResponseSchema.parse(response.json());
        expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
        expect(pushed.results[2]?.error?.code).toBe('mutation/not-found');
        expect((await storedReport(server, report.id)).doc.status).toBe('in_progress');
      } finally {
        await training.close();
      }
    });
  });

  describe('authorization: every mutation × role, inside and outside the scope', () => {
    type Scenario = {
      /** Users who may take it on a report of dinkes-a / pkm-a; everyone else is refused. */
      allowed: readonly string[];
      setup: () => Promise<{
        name: string;
        args: Record<string, unknown>;
        baseVersion: number;
        reportId?: string;
      }>;
    };
    const admins = ['koordinator-prov', 'koordinator', 'admin-a'];
    const at = async (overrides: Partial<Report>) =>
      insertOneReport(server.db, { agencyId: 'dinkes-a', ...overrides });
    const inUnit = { unitId: 'pkm-a' } as const;
    const onReport =
      (name: string, extra: Record<string, unknown> = {}, overrides: Partial<Report> = {}) =>
      async () => {
        const report = await at(overrides);
        return {
          name,
          args: { reportId: report.id, ...extra },
          baseVersion: report.version,
          reportId: report.id,
        };
      };
    const onResponse =
      (
        name: string,
        state: 'draft' | 'submitted' | 'approved',
        extra: Record<string, unknown> = {},
      ) =>
      async () => {
        const report = await at({ ...inUnit, status: 'in_progress' });
        const response = responseIn(state, report.id);
        const version = await insertResponse(server.db, response);
        return {
          name,
          args: { reportId: report.id, responseId: response.id, ...extra },
          baseVersion: version,
          reportId: report.id,
        };
      };
    const scenarios: Record<string, Scenario> = {
      'report.verifyDispose': {
        allowed: admins,
        setup: onReport('report.verifyDispose', {
          targetAgencyId: 'dinkes-a',
          targetUnitId: 'pkm-a',
        }),
      },
      'report.tunda': {
        allowed: admins,
        setup: onReport('report.tunda', { messageToReporter: 'Lengkapi foto' }),
      },
      'report.resume': {
        allowed: admins,
        setup: onReport(
          'report.resume',
          {},
          { status: 'pending_info', pausedAt: 1_767_000_000_000 },
        ),
      },
      'report.archive': {
        allowed: admins,
        setup: onReport('report.archive', { reason: 'unintelligible' }),
      },
      'report.notAuthority': {
        allowed: admins,
        setup: onReport('report.notAuthority', { reason: 'Urusan PU' }),
      },
      'report.redispose': {
        allowed: admins,
        setup: onReport(
          'report.redispose',
          { targetAgencyId: 'dinkes-a' },
          { ...inUnit, status: 'disposed' },
        ),
      },
      'report.startProcessing': {
        allowed: ['admin-a', 'operator-a'],
        setup: onReport('report.startProcessing', {}, { ...inUnit, status: 'disposed' }),
      },
      'report.extendDeadline': {
        allowed: ['admin-a', 'penghubung-a'],
        setup: onReport(
          'report.extendDeadline',
          { days: 30, reason: 'Cek lapangan' },
          { ...inUnit, status: 'in_progress' },
        ),
      },
      'report.reopen': {
        allowed: admins,
        setup: onReport(
          'report.reopen',
          { reason: 'Data lengkap' },
          { status: 'archived', archiveReason: 'too_general', closedAt: 1_767_000_000_000 },
        ),
      },
      'report.setCategory': {
        allowed: admins,
        setup: onReport('report.setCategory', { categoryId: 'kesehatan' }),
      },
      'report.setTags': { allowed: admins, setup: onReport('report.setTags', { tags: ['jalan'] }) },
      'report.setPrivacy': {
        allowed: admins,
        setup: onReport('report.setPrivacy', { rahasia: true, anonim: false }),
      },
      'report.assign': {
        allowed: [...admins, 'penghubung-a', 'operator-a'],
        setup: onReport(
          'report.assign',
          { assigneeId: 'u-operator-a' },
          { ...inUnit, status: 'in_progress' },
        ),
      },
      'note.add': {
        allowed: [...admins, 'operator-a', 'penghubung-a'],
        setup: async () => {
          const report = await at(inUnit);
          return {
            name: 'note.add',
            args: { reportId: report.id, noteId: freshId('n'), body: 'catatan' },
            baseVersion: report.version,
          };
        },
      },
      'response.saveDraft': {
        allowed: ['admin-a', 'operator-a', 'penghubung-a'],
        setup: async () => {
          const report = await at({ ...inUnit, status: 'in_progress' });
          return {
            name: 'response.saveDraft',
            args: { reportId: report.id, responseId: freshId('resp'), body: 'draf' },
            baseVersion: report.version,
          };
        },
      },
      'response.send': {
        allowed: ['admin-a', 'operator-a', 'penghubung-a'],
        setup: async () => {
          const report = await at({ ...inUnit, status: 'in_progress' });
          return {
            name: 'response.send',
            args: {
              reportId: report.id,
              responseId: freshId('resp'),
              body: 'Jalan akan diperbaiki pekan depan.',
              publish: false,
            },
            baseVersion: report.version,
            reportId: report.id,
          };
        },
      },
      'response.submit': {
        allowed: ['admin-a', 'operator-a', 'penghubung-a'],
        setup: onResponse('response.submit', 'draft'),
      },
      'response.approve': {
        allowed: ['penghubung-a'],
        setup: onResponse('response.approve', 'submitted'),
      },
      'response.return': {
        allowed: ['penghubung-a'],
        setup: onResponse('response.return', 'submitted', { comment: 'Perbaiki' }),
      },
      'response.publish': {
        allowed: ['penghubung-a'],
        setup: onResponse('response.publish', 'approved'),
      },
      'template.upsert': {
        allowed: admins,
        setup: async () => {
          const id = freshId('tpl');
          const version = await insertTemplate(server.db, {
            id,
            kind: 'tindak_lanjut',
            name: 'Umum',
            body: 'Yth.',
            description: '',
            categoryIds: [],
            revision: 1,
            agencyId: 'dinkes-a',
            version: 0,
            updatedBy: 'u-admin-a',
            updatedAt: 0,
            scope: 'agency',
          });
          return {
            name: 'template.upsert',
            args: {
              templateId: id,
              scope: 'agency',
              kind: 'tindak_lanjut',
              name: 'Baru',
              body: 'Yth. {{nama}}',
            },
            baseVersion: version,
          };
        },
      },
      'template.delete': {
        allowed: admins,
        setup: async () => {
          const id = freshId('tpl');
          const version = await insertTemplate(server.db, {
            id,
            kind: 'arsip',
            name: 'Arsip',
            body: 'Yth.',
            description: '',
            categoryIds: [],
            revision: 1,
            agencyId: 'dinkes-a',
            version: 0,
            updatedBy: 'u-admin-a',
            updatedAt: 0,
            scope: 'agency',
          });
          return { name: 'template.delete', args: { templateId: id }, baseVersion: version };
        },
      },
      // Everyone keeps their own views (training roles only on a simulation server).
      'view.save': {
        allowed: [...admins, 'operator-a', 'penghubung-a', 'pimpinan-a', 'admin-b', 'admin-wit'],
        setup: () =>
          Promise.resolve({
            name: 'view.save',
            args: {
              viewId: freshId('view'),
              name: 'Terlambat',
              query: defaultInboxQuery('overdue'),
            },
            baseVersion: 0,
          }),
      },
      // Only the owner deletes a view: admin-a's, not found for everyone else.
      'view.delete': {
        allowed: ['admin-a'],
        setup: async () => {
          const id = freshId('view');
          const version = await insertSavedView(server.db, {
            id,
            ownerId: 'u-admin-a',
            name: 'Milik admin',
            query: defaultInboxQuery('unverified'),
            updatedAt: 0,
            version: 0,
          });
          return { name: 'view.delete', args: { viewId: id }, baseVersion: version };
        },
      },
    };
    // admin-b and admin-wit are outside dinkes-a; pimpinan never edits; training roles only on a
    // simulation server.
    const users = [
      'koordinator-prov',
      'koordinator',
      'admin-a',
      'operator-a',
      'penghubung-a',
      'pimpinan-a',
      'pelatih',
      'peserta',
      'admin-b',
      'admin-wit',
    ];

    it('covers every mutation name', async () => {
      const { mutationNames } = await import('../../../../src-shared/sync/protocol');
      expect(Object.keys(scenarios).sort()).toEqual([...mutationNames].sort());
    });

    for (const username of users) {
      it(`applies exactly the mutations ${username} may take`, async () => {
        const client = new TestClient();
        const cases = await Promise.all(
          Object.entries(scenarios).map(async ([name, scenario]) => ({
            name,
            scenario,
            m: await scenario.setup(),
          })),
        );
        const pushed = await pushHttp(
          server,
          username,
          client.clientId,
          cases.map(({ m }) => client.raw(m.name, m.args, m.baseVersion)),
        );
        const outcome = (result: PushResult | undefined) => result?.status;
        const actual = Object.fromEntries(
          cases.map(({ name }, i) => [name, outcome(pushed.results[i])]),
        );
        const expected = Object.fromEntries(
          cases.map(({ name, scenario }) => [
            name,
            scenario.allowed.includes(username) ? 'applied' : 'rejected',
          ]),
        );
        expect(actual).toEqual(expected);
        if (username === 'pelatih' || username === 'peserta') {
          expect(new Set(pushed.results.map((r) => r.error?.code))).toEqual(
            new Set(['mutation/simulation-only']),
          );
        }
        if (username === 'admin-b' || username === 'admin-wit') {
          for (const [i, c] of cases.entries()) {
            if (c.m.reportId !== undefined)
              expect(pushed.results[i]?.error?.code).toBe('mutation/not-found');
          }
        }
      });
    }
  });
});
