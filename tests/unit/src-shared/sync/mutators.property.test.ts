import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src-shared/domain/actor';
import { archiveReasons } from '../../../../src-shared/domain/archive-reason';
import { ReportSchema, type Report } from '../../../../src-shared/domain/report';
import { ReportResponseSchema, type ReportResponse } from '../../../../src-shared/domain/response';
import { currentDueAt } from '../../../../src-shared/domain/sla-calendar';
import { templateKinds } from '../../../../src-shared/domain/template';
import { userRoles } from '../../../../src-shared/domain/user';
import { defaultInboxQuery } from '../../../../src-shared/inbox/queries';
import { runMutator, type MutatorState } from '../../../../src-shared/sync/mutators';
import type { Mutation, MutationArgs, MutationName } from '../../../../src-shared/sync/protocol';
import { mutationNames } from '../../../../src-shared/sync/protocol';
import {
  NOW,
  agencies,
  calendar,
  consistent,
  ctxFor,
  makeReport,
  response,
  template,
} from './sync-fixtures';

const agencyIds = [...agencies.keys()];
const text = fc.constantFrom('', '  ', 'Mohon lengkapi data', "'; DROP TABLE reports; --");
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const drop = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const target = fc
  .record({
    reportId: fc.constant('r-1'),
    targetAgencyId: fc.constantFrom(...agencyIds, 'dinas-hilang'),
    targetUnitId: opt(fc.constantFrom('dinkes-yankes', 'disdik-sd')),
    note: opt(text),
    batchId: opt(fc.constant('batch-1')),
  })
  .map(drop);
const responseArgs = fc.record({
  reportId: fc.constant('r-1'),
  responseId: fc.constantFrom('resp-1', 'resp-2'),
});

/** Arguments for every mutation, valid and invalid alike. */
const argsFor: { [N in MutationName]: fc.Arbitrary<MutationArgs<N>> } = {
  'report.verifyDispose': target,
  'report.redispose': target,
  'report.tunda': fc.record({ reportId: fc.constant('r-1'), messageToReporter: text }),
  'report.resume': fc.constant({ reportId: 'r-1' }),
  'report.archive': fc
    .record({
      reportId: fc.constant('r-1'),
      reason: fc.constantFrom(...archiveReasons),
      duplicateOf: opt(fc.constantFrom('1916400', '1916449')),
    })
    .map(drop),
  'report.notAuthority': fc.record({ reportId: fc.constant('r-1'), reason: text }),
  'report.startProcessing': fc.constant({ reportId: 'r-1' }),
  'report.extendDeadline': fc.record({
    reportId: fc.constant('r-1'),
    days: fc.integer({ min: 1, max: 70 }),
    reason: text,
  }),
  'report.reopen': fc.record({ reportId: fc.constant('r-1'), reason: text }),
  'report.setCategory': fc.record({
    reportId: fc.constant('r-1'),
    categoryId: fc.constantFrom(null, 'kesehatan', 'lama', 'x'),
  }),
  'report.setTags': fc.record({
    reportId: fc.constant('r-1'),
    tags: fc.array(fc.constantFrom('jalan', ' Jalan ', '', 'banjir'), { maxLength: 5 }),
  }),
  'report.setPrivacy': fc.record({
    reportId: fc.constant('r-1'),
    rahasia: fc.boolean(),
    anonim: fc.boolean(),
  }),
  'report.assign': fc.record({
    reportId: fc.constant('r-1'),
    assigneeId: fc.constantFrom(null, 'op-yankes', 'op-disdik', 'admin-dinkes'),
  }),
  'note.add': fc.record({
    reportId: fc.constant('r-1'),
    noteId: fc.constantFrom('n-1', 'n-2'),
    body: text,
  }),
  'response.saveDraft': fc.record({
    reportId: fc.constant('r-1'),
    responseId: fc.constantFrom('resp-1', 'resp-2'),
    body: text,
  }),
  'response.submit': responseArgs,
  'response.send': fc
    .record({
      reportId: fc.constant('r-1'),
      responseId: fc.constantFrom('resp-1', 'resp-2'),
      body: fc.oneof(text, fc.constantFrom('Yth. {{pelapor.sapaan}},', 'Harga naik {{ katanya')),
      publish: fc.boolean(),
      batchId: opt(fc.constant('batch-1')),
    })
    .map(drop),
  'response.approve': fc
    .record({
      reportId: fc.constant('r-1'),
      responseId: fc.constantFrom('resp-1', 'resp-2'),
      publish: opt(fc.boolean()),
      batchId: opt(fc.constant('batch-1')),
    })
    .map(drop),
  'response.return': fc.record({
    reportId: fc.constant('r-1'),
    responseId: fc.constantFrom('resp-1'),
    comment: text,
  }),
  'response.publish': responseArgs,
  'template.upsert': fc
    .record({
      templateId: fc.constantFrom('tpl-1', 'tpl-2'),
      scope: fc.constantFrom('agency' as const, 'personal' as const),
      kind: fc.constantFrom(...templateKinds),
      name: fc.oneof(text, fc.constant('salam_pembuka')),
      body: text,
      description: opt(text),
      categoryIds: opt(fc.constantFrom<string[]>([], ['kesehatan'], ['kesehatan', 'kesehatan'])),
    })
    .map(drop),
  'template.delete': fc.record({ templateId: fc.constantFrom('tpl-1', 'tpl-2') }),
  'view.save': fc.record({
    viewId: fc.constantFrom('view-1', 'view-2'),
    name: text,
    query: fc.constantFrom(defaultInboxQuery('overdue'), {
      ...defaultInboxQuery('unverified'),
      sort: 'arrival' as const,
      direction: 'desc' as const,
      filters: { channels: ['sms' as const] },
      search: 'jalan',
    }),
  }),
  'view.delete': fc.record({ viewId: fc.constantFrom('view-1', 'view-2') }),
};

const mutation: fc.Arbitrary<Pick<Mutation, 'name' | 'args'>> = fc
  .constantFrom(...mutationNames)
  .chain((name) =>
    (argsFor[name] as fc.Arbitrary<unknown>).map(
      (args) => ({ name, args }) as Pick<Mutation, 'name' | 'args'>,
    ),
  );

const localActors = fc.constantFrom<Actor>(
  { kind: 'user', id: 'koor-jabar', role: 'admin_koordinator', agencyId: 'prov-jabar' },
  { kind: 'user', id: 'admin-bandung', role: 'admin_instansi', agencyId: 'kota-bandung' },
  { kind: 'user', id: 'admin-dinkes', role: 'admin_instansi', agencyId: 'dinkes' },
  { kind: 'user', id: 'op-yankes', role: 'operator_unit', agencyId: 'dinkes-yankes' },
  { kind: 'user', id: 'u-penghubung', role: 'pejabat_penghubung', agencyId: 'dinkes' },
  { kind: 'user', id: 'u-peserta', role: 'peserta', agencyId: 'kota-bandung' },
);
const anyActor: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: localActors, weight: 5 },
  {
    arbitrary: fc.record({
      kind: fc.constant('user' as const),
      id: fc.constant('u-any'),
      role: fc.constantFrom(...userRoles),
      agencyId: fc.constantFrom(...agencyIds),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant<Actor>({ kind: 'system' }), weight: 1 },
);

const startingState: fc.Arbitrary<MutatorState> = fc
  .record({
    anonim: fc.boolean(),
    response: fc.constantFrom<ReportResponse['state'] | null>(
      null,
      'draft',
      'submitted',
      'approved',
      'returned',
    ),
    template: fc.boolean(),
    viewOwner: fc.constantFrom(null, 'op-yankes', 'admin-dinkes', 'kepala'),
    stage: fc.constantFrom(
      'unverified' as const,
      'disposed' as const,
      'in_progress' as const,
      'archived' as const,
    ),
  })
  .map(({ anonim, response: responseState, template: hasTemplate, viewOwner, stage }) => ({
    report: consistent(
      makeReport({
        ...(anonim ? { privacy: { rahasia: false, anonim: true }, reporter: null } : {}),
        // Some runs start in the unit's hands, where responses are worked on.
        ...(stage === 'archived'
          ? { status: stage, archiveReason: 'too_general', closedAt: NOW }
          : {}),
        ...(stage === 'disposed' || stage === 'in_progress'
          ? { status: stage, agencyId: 'dinkes', unitId: 'dinkes-yankes', disposedAt: NOW }
          : {}),
      }),
    ),
    response: responseState === null ? null : response(responseState),
    note: null,
    template: hasTemplate ? template() : null,
    savedView:
      viewOwner === null
        ? null
        : {
            id: 'view-1',
            ownerId: viewOwner,
            name: 'Terlambat',
            query: defaultInboxQuery('overdue'),
            updatedAt: NOW,
            version: 3,
          },
  }));

/** Feeds an accepted change back into the state, as the server (or the client's rebase) would. */
function apply(state: MutatorState, change: ReturnType<typeof runMutator>): MutatorState {
  if (!change.ok) return state;
  const { report, responses, notes, templates, deletedTemplates, savedViews, deletedSavedViews } =
    change.value;
  const deleted = deletedTemplates.length > 0;
  return {
    report: report ?? state.report,
    response:
      responses.find((r) => r.id === state.response?.id) ?? state.response ?? responses[0] ?? null,
    note: notes[0] ?? state.note,
    template: deleted ? null : (templates[0] ?? state.template),
    savedView: deletedSavedViews.length > 0 ? null : (savedViews[0] ?? state.savedView),
  };
}

function expectConsistent(report: Report): void {
  const parsed = ReportSchema.safeParse(report);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(report.dueAt).toBe(
    currentDueAt(report, calendar, agencies.get(report.agencyId)?.settings),
  );
  expect(report.timeZone).toBe(agencies.get(report.agencyId)?.timeZone);
}

describe('mutator properties', () => {
  // Saved views are the one exception: a head of agency keeps their own (saved-view tests).
  const agencyMutation = mutation.filter((m) => !m.name.startsWith('view.'));

  it('never lets a head of agency (pimpinan) change any record of the agency', () => {
    fc.assert(
      fc.property(
        startingState,
        agencyMutation,
        fc.constantFrom(...agencyIds),
        (state, m, agencyId) => {
          const result = runMutator(
            state,
            m,
            ctxFor({ kind: 'user', id: 'kepala', role: 'pimpinan', agencyId }),
          );
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the report valid, its deadline current and its time zone its agency’s, whatever the sequence', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        startingState,
        fc.array(fc.tuple(anyActor, mutation, fc.nat({ max: 3 * 86_400_000 })), {
          minLength: 5,
          maxLength: 40,
        }),
        (start, steps) => {
          let state = start;
          let now = NOW;
          for (const [actor, m, elapsed] of steps) {
            now += elapsed;
            const result = runMutator(state, m, ctxFor(actor, { now }));
            if (!result.ok) continue;
            reached.add(m.name);
            const changed = result.value.report;
            if (changed !== null) {
              expectConsistent(changed);
              expect(changed.updatedAt).toBe(now);
              expect(changed.id).toBe('r-1');
              expect(changed.version).toBe(start.report?.version);
            }
            for (const r of result.value.responses)
              expect(ReportResponseSchema.safeParse(r).success).toBe(true);
            for (const event of result.value.auditEvents) {
              expect(event).toMatchObject({ reportId: 'r-1', at: now, actor });
            }
            state = apply(state, result);
          }
        },
      ),
      { numRuns: 400 },
    );
    // The sequences actually move: many different mutators were accepted along the way (each
    // mutator's own success cases are in mutators.test.ts).
    expect(reached.size).toBeGreaterThanOrEqual(12);
  });

  it('gives the same answer for the same state, arguments and context (client and server agree)', () => {
    fc.assert(
      fc.property(startingState, anyActor, mutation, (state, actor, m) => {
        expect(runMutator(state, m, ctxFor(actor))).toEqual(
          runMutator(structuredClone(state), structuredClone(m), ctxFor(actor)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
