// A push decides a whole chunk of mutations in memory and writes it grouped (push-chunk.ts). These
// tests hold it to what deciding and writing each mutation on its own gives: the same outcomes,
// rows, versions (in order) and tombstones, whatever the chunk's mutations do to each other.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MutationEnvelope, PushResponse } from '../../../../src-shared/sync/protocol';
import type { Db } from '../../../../src-server/db/db';
import { PUSH_CHUNK } from '../../../../src-server/sync/push';
import { currentVersion, drawVersion } from '../../../../src-server/sync/versions';
import { FIXTURE_START, startTestServer, type TestServer } from '../../../support/test-server';
import { describeEachBackend } from '../../../support/test-db';
import {
  freshId,
  insertCategory,
  insertOneReport,
  insertReports,
  insertResponse,
  newReport,
  pushHttp,
  responseIn,
} from './sync-support';

const CHILD_TABLES = ['dispositions', 'notes', 'responses', 'audit_events', 'citizen_messages'];

function envelope(clientId: string, id: number, name: string, args: unknown, baseVersion: number) {
  return { clientId, id, name, args, baseVersion, at: FIXTURE_START } satisfies MutationEnvelope;
}

async function insertCitizenMessage(db: Db, id: string, reportId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ scope_path: string }>(
      'SELECT scope_path FROM reports WHERE id = $1',
      [reportId],
    );
    await tx.query(
      'INSERT INTO citizen_messages (id, report_id, scope_path, doc, version) VALUES ($1, $2, $3, $4, $5)',
      [
        id,
        reportId,
        rows[0]!.scope_path,
        JSON.stringify({ id, reportId, body: 'Mohon segera', createdAt: FIXTURE_START }),
        await drawVersion(tx),
      ],
    );
  });
}

/** Every row stored about the reports, their children, their tombstones and the client. */
async function footprint(db: Db, reportIds: readonly string[], clientId: string) {
  const reports = (
    await db.query(
      'SELECT id, scope_path, status, agency_id, unit_id, doc, field_writers, version FROM reports WHERE id = ANY($1::text[])',
      [reportIds],
    )
  ).rows;
  const children: Record<string, unknown[]> = {};
  const childIds: string[] = [];
  for (const table of CHILD_TABLES) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT * FROM ${table} WHERE report_id = ANY($1::text[])`,
      [reportIds],
    );
    children[table] = rows;
    childIds.push(...rows.map((row) => row.id));
  }
  const tombstones = (
    await db.query(
      'SELECT entity, entity_id, scope_path, owner_user_id, version FROM tombstones WHERE entity_id = ANY($1::text[])',
      [[...reportIds, ...childIds]],
    )
  ).rows;
  const outcomes = (
    await db.query(
      'SELECT mutation_id, status, version, error FROM mutation_outcomes WHERE client_id = $1',
      [clientId],
    )
  ).rows;
  const client = (
    await db.query('SELECT last_mutation_id FROM client_mutations WHERE client_id = $1', [clientId])
  ).rows;
  return { reports, children, tombstones, outcomes, client };
}

/**
 * Versions replaced by their rank among all versions in `value` (`version` and field writers'
 * `v`), so that two runs at different places in the sequence compare: what counts is their order.
 */
function rankVersions(value: unknown): unknown {
  const isVersionKey = (key: string) => key === 'version' || key === 'v';
  const seen = new Set<number>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') {
      for (const [key, x] of Object.entries(v)) {
        if (isVersionKey(key) && typeof x === 'number') seen.add(x);
        else collect(x);
      }
    }
  };
  collect(value);
  const rank = new Map([...seen].sort((a, b) => a - b).map((v, i) => [v, i]));
  const replace = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      // Row order from the database is not part of the behaviour.
      return v.map(replace).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([key, x]) => [
        key,
        isVersionKey(key) && typeof x === 'number' ? rank.get(x) : replace(x),
      ]),
    );
  };
  return replace(value);
}

function withoutTwinNames(value: unknown, names: readonly [string, string][]): unknown {
  let text = JSON.stringify(value);
  for (const [name, placeholder] of names) text = text.split(name).join(placeholder);
  return JSON.parse(text) as unknown;
}

type Base = 'zero' | 'inserted' | 'settled';

interface Spec {
  readonly name: string;
  readonly report: 0 | 1 | 2;
  readonly variant: number;
  readonly base: Base;
}

const TARGETS = [
  { targetAgencyId: 'dinkes-a' },
  { targetAgencyId: 'dinkes-a', targetUnitId: 'pkm-a' },
  { targetAgencyId: 'disdik-a' },
];

function argsOf(spec: Spec, prefix: string, index: number): unknown {
  const reportId = `${prefix}-r${String(spec.report)}`;
  switch (spec.name) {
    case 'report.setTags':
      return { reportId, tags: [['a'], ['b'], ['a', 'b']][spec.variant % 3] };
    case 'note.add':
      // Now and then an id that is taken: refused.
      return {
        reportId,
        noteId: spec.variant % 4 === 0 ? `${prefix}-o-note` : `${prefix}-n${String(index)}`,
        body: 'Sudah dicek',
      };
    case 'report.verifyDispose':
    case 'report.redispose':
      return { reportId, ...TARGETS[spec.variant % TARGETS.length] };
    case 'report.archive':
      return { reportId, reason: 'too_general' };
    case 'report.notAuthority':
      return { reportId, reason: 'Bukan kewenangan kami' };
    case 'report.startProcessing':
      return { reportId };
    case 'report.assign':
      return { reportId, assigneeId: spec.variant % 2 === 0 ? 'u-operator-a' : null };
    case 'report.setCategory':
      return { reportId, categoryId: spec.variant % 2 === 0 ? 'kesehatan' : null };
    case 'response.saveDraft':
      return {
        reportId,
        responseId: spec.variant % 2 === 0 ? `${prefix}-resp` : `${prefix}-resp${String(index)}`,
        body: `Jawaban ${String(spec.variant)}`,
      };
    case 'response.submit':
      return { reportId, responseId: `${prefix}-resp` };
    case 'response.send':
      // The operator's draft (not the pusher's: refused), or a new reply; now and then one with
      // a hole (refused), and for an admin without the agency setting, a refused publish.
      return {
        reportId,
        responseId: spec.variant % 3 === 0 ? `${prefix}-resp` : `${prefix}-resp${String(index)}`,
        body:
          spec.variant % 4 === 1 ? 'Yth. {{pelapor.sapaan}}' : `Jawaban ${String(spec.variant)}`,
        publish: spec.variant % 5 === 0,
      };
    default:
      throw new Error(`no arguments for ${spec.name}`);
  }
}

/** Weighted towards what applies and moves reports, so that chunks build on themselves. */
const specArb: fc.Arbitrary<Spec> = fc.record({
  name: fc.oneof(
    { arbitrary: fc.constant('report.redispose'), weight: 4 },
    { arbitrary: fc.constant('report.verifyDispose'), weight: 3 },
    { arbitrary: fc.constant('note.add'), weight: 3 },
    { arbitrary: fc.constant('report.setTags'), weight: 2 },
    { arbitrary: fc.constant('report.startProcessing'), weight: 2 },
    { arbitrary: fc.constant('response.saveDraft'), weight: 2 },
    { arbitrary: fc.constant('response.submit'), weight: 1 },
    { arbitrary: fc.constant('response.send'), weight: 2 },
    { arbitrary: fc.constant('report.notAuthority'), weight: 1 },
    { arbitrary: fc.constant('report.archive'), weight: 1 },
    { arbitrary: fc.constant('report.assign'), weight: 1 },
    { arbitrary: fc.constant('report.setCategory'), weight: 1 },
  ),
  report: fc.oneof(
    { arbitrary: fc.constant(0 as const), weight: 4 },
    { arbitrary: fc.constant(1 as const), weight: 4 },
    { arbitrary: fc.constant(2 as const), weight: 1 },
  ),
  variant: fc.nat({ max: 11 }),
  base: fc.oneof(
    { arbitrary: fc.constant<Base>('settled'), weight: 3 },
    { arbitrary: fc.constant<Base>('inserted'), weight: 1 },
    { arbitrary: fc.constant<Base>('zero'), weight: 1 },
  ),
});

describeEachBackend('sync push, a chunk at a time', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    await insertCategory(server.db, 'kesehatan');
  });
  afterAll(async () => {
    await server.close();
  });

  /**
   * A small world of its own: r0 unverified at kab-a, r1 disposed to pkm-a with history (a
   * draft response, a note and a citizen message), r2 at another regency; then someone else edits
   * r0 and r1. Returns the bases the mutations may name.
   */
  async function twin(prefix: string): Promise<Record<Base, number> & { tracking: string[] }> {
    const reports = await insertReports(server.db, [
      newReport({ id: `${prefix}-r0`, agencyId: 'kab-a' }),
      newReport({
        id: `${prefix}-r1`,
        agencyId: 'dinkes-a',
        unitId: 'pkm-a',
        status: 'disposed',
      }),
      newReport({ id: `${prefix}-r2`, agencyId: 'dinkes-b' }),
    ]);
    await insertResponse(server.db, responseIn('draft', `${prefix}-r1`, `${prefix}-resp`));
    await insertCitizenMessage(server.db, `${prefix}-cm`, `${prefix}-r1`);
    const inserted = await currentVersion(server.db);
    const other = `${prefix}-c-other`;
    await pushHttp(server, 'koordinator-prov', other, [
      envelope(other, 1, 'report.setTags', { reportId: `${prefix}-r0`, tags: ['lain'] }, 0),
      envelope(
        other,
        2,
        'note.add',
        { reportId: `${prefix}-r1`, noteId: `${prefix}-o-note`, body: 'Catatan lain' },
        0,
      ),
    ]);
    return {
      zero: 0,
      inserted,
      settled: await currentVersion(server.db),
      tracking: reports.map((r) => r.trackingId),
    };
  }

  it('decides a chunk exactly as it decides the same mutations pushed one by one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: fc.constant('koordinator'), weight: 3 },
          { arbitrary: fc.constant('admin-a'), weight: 1 },
        ),
        fc.array(specArb, { minLength: 1, maxLength: 12 }),
        async (username, specs) => {
          const run = async (prefix: string, oneByOne: boolean) => {
            const bases = await twin(prefix);
            const clientId = `${prefix}-c-main`;
            const mutations = specs.map((spec, i) =>
              envelope(clientId, i + 1, spec.name, argsOf(spec, prefix, i), bases[spec.base]),
            );
            const answers: PushResponse[] = [];
            if (oneByOne) {
              for (const m of mutations)
                answers.push(await pushHttp(server, username, clientId, [m]));
            } else {
              answers.push(await pushHttp(server, username, clientId, mutations));
            }
            const stored = await footprint(
              server.db,
              [0, 1, 2].map((i) => `${prefix}-r${String(i)}`),
              clientId,
            );
            const names: [string, string][] = [
              [prefix, 'P'],
              ...bases.tracking.map((t, i): [string, string] => [t, `T${String(i)}`]),
              // Refusals name the base version.
              ...(['inserted', 'settled'] as const).map((base): [string, string] => [
                `version ${String(bases[base])}:`,
                `version ${base}:`,
              ]),
            ];
            return withoutTwinNames(
              rankVersions({ results: answers.flatMap((a) => a.results), stored }),
              names,
            );
          };
          const chunked = await run(freshId('tw'), false);
          const single = await run(freshId('tw'), true);
          expect(chunked).toEqual(single);
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);

  it('moves the history a chunk wrote along with a report that the same chunk moves again', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'kab-a' });
    const clientId = freshId('client');
    const noteId = freshId('n');
    const pushed = await pushHttp(server, 'koordinator', clientId, [
      envelope(
        clientId,
        1,
        'report.verifyDispose',
        { reportId: report.id, targetAgencyId: 'dinkes-a' },
        report.version,
      ),
      envelope(clientId, 2, 'note.add', { reportId: report.id, noteId, body: 'x' }, 0),
      envelope(
        clientId,
        3,
        'report.redispose',
        { reportId: report.id, targetAgencyId: 'disdik-a' },
        report.version,
      ),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const versions = pushed.results.map((r) => r.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);

    const stored = await footprint(server.db, [report.id], clientId);
    const firstMove = `${clientId}:1`;
    // Into the OPD below: nobody lost it, no tombstones. Out to its sibling: the report and the
    // rows the first two mutations wrote leave tombstones at the OPD, before their new versions.
    expect(
      stored.tombstones.map((t) => [t['entity'], t['entity_id'], t['scope_path']]).sort(),
    ).toEqual(
      [
        ['audit_event', `${firstMove}:audit`, '/prov/kab-a/dinkes-a/'],
        ['disposition', `${firstMove}:disposition`, '/prov/kab-a/dinkes-a/'],
        ['note', noteId, '/prov/kab-a/dinkes-a/'],
        ['report', report.id, '/prov/kab-a/dinkes-a/'],
      ].sort(),
    );
    const lastTombstone = Math.max(...stored.tombstones.map((t) => t['version'] as number));
    const rows = [...stored.reports, ...Object.values(stored.children).flat()] as {
      scope_path: string;
      version: number;
    }[];
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.scope_path).toBe('/prov/kab-a/disdik-a/');
      expect(row.version).toBeGreaterThan(lastTombstone);
      expect(row.version).toBeGreaterThan(versions[1]!);
    }
  });

  it('leaves a report as the applied mutations around a refused one left it', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'kab-a' });
    const clientId = freshId('client');
    const pushed = await pushHttp(server, 'koordinator', clientId, [
      envelope(clientId, 1, 'report.setTags', { reportId: report.id, tags: ['a'] }, 0),
      // Not paused: refused, and nobody else wrote, so rejected.
      envelope(clientId, 2, 'report.resume', { reportId: report.id }, report.version),
      envelope(
        clientId,
        3,
        'report.verifyDispose',
        { reportId: report.id, targetAgencyId: 'dinkes-a' },
        report.version,
      ),
      // Disposed by mutation 3 of the same chunk: no longer verifiable.
      envelope(
        clientId,
        4,
        'report.verifyDispose',
        { reportId: report.id, targetAgencyId: 'disdik-a' },
        report.version,
      ),
      envelope(clientId, 5, 'report.setTags', { reportId: report.id, tags: ['a', 'b'] }, 0),
    ]);
    expect(pushed.lastMutationId).toBe(5);
    expect(pushed.results.map((r) => [r.id, r.status, r.error?.code])).toEqual([
      [1, 'applied', undefined],
      [2, 'rejected', 'workflow/wrong-status'],
      [3, 'applied', undefined],
      [4, 'rejected', 'workflow/wrong-status'],
      [5, 'applied', undefined],
    ]);
    const stored = await server.db.query<{
      scope_path: string;
      doc: { tags: string[]; status: string };
      version: number;
    }>('SELECT scope_path, doc, version FROM reports WHERE id = $1', [report.id]);
    expect(stored.rows[0]).toMatchObject({
      scope_path: '/prov/kab-a/dinkes-a/',
      doc: { tags: ['a', 'b'], status: 'disposed' },
      version: pushed.results[4]?.version,
    });
    const dispositions = await server.db.query<{ doc: { toAgencyId: string } }>(
      'SELECT doc FROM dispositions WHERE report_id = $1',
      [report.id],
    );
    expect(dispositions.rows.map((r) => r.doc.toAgencyId)).toEqual(['dinkes-a']);
  });

  it('runs the mutations of a chunk before a gap in it, and none after', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'kab-a' });
    const clientId = freshId('client');
    const note = (id: number) =>
      envelope(
        clientId,
        id,
        'note.add',
        { reportId: report.id, noteId: `${clientId}-n${String(id)}`, body: 'x' },
        0,
      );
    const pushed = await pushHttp(server, 'koordinator', clientId, [note(1), note(2), note(4)]);
    expect(pushed).toMatchObject({ lastMutationId: 2, gap: { expected: 3 } });
    expect(pushed.results.map((r) => [r.id, r.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
    ]);
    const notes = await server.db.query<{ id: string }>(
      'SELECT id FROM notes WHERE report_id = $1 ORDER BY id',
      [report.id],
    );
    expect(notes.rows.map((r) => r.id)).toEqual([`${clientId}-n1`, `${clientId}-n2`]);
  });

  it('answers a retried push with every original outcome and runs only what it had not seen', async () => {
    const report = await insertOneReport(server.db, { agencyId: 'kab-a' });
    const clientId = freshId('client');
    const other = freshId('client');
    await pushHttp(server, 'koordinator-prov', other, [
      envelope(other, 1, 'report.setTags', { reportId: report.id, tags: ['lain'] }, 0),
    ]);
    const note = (id: number) =>
      envelope(
        clientId,
        id,
        'note.add',
        { reportId: report.id, noteId: `${clientId}-n${String(id)}`, body: 'x' },
        0,
      );
    // More than one chunk, with every outcome; the answer to the whole push was lost.
    const batch = [
      envelope(clientId, 1, 'report.setTags', { reportId: report.id, tags: ['b'] }, report.version),
      envelope(clientId, 2, 'report.notAuthority', { reportId: report.id, reason: ' ' }, 0),
      envelope(clientId, 3, 'report.archive', { reportId: report.id, reason: 'too_general' }, 0),
      ...Array.from({ length: PUSH_CHUNK + 2 }, (_, i) => note(i + 4)),
    ];
    const first = await pushHttp(server, 'koordinator', clientId, batch);
    expect(first.results.slice(0, 4).map((r) => r.status)).toEqual([
      'superseded',
      'rejected',
      'applied',
      'applied',
    ]);
    const added = note(batch.length + 1);
    const again = await pushHttp(server, 'koordinator', clientId, [...batch, added]);
    expect(again.lastMutationId).toBe(added.id);
    expect(again.results.slice(0, -1)).toEqual(
      first.results.map((result) => ({
        id: result.id,
        status: 'duplicate',
        original: {
          status: result.status,
          ...(result.version === undefined ? {} : { version: result.version }),
          ...(result.error === undefined ? {} : { error: result.error }),
        },
      })),
    );
    expect(again.results.at(-1)).toMatchObject({ id: added.id, status: 'applied' });
    const counts = await server.db.query<{ notes: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM notes WHERE report_id = $1) AS notes,
              (SELECT count(*)::int FROM audit_events WHERE report_id = $1) AS events`,
      [report.id],
    );
    expect(counts.rows[0]).toEqual({ notes: PUSH_CHUNK + 3, events: 1 });
  });
});
