// Saved views through the shared mutators and the client's optimistic effect: any signed-in user
// keeps their own, only the owner changes or deletes one, and an id someone else holds is taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src-shared/domain/actor';
import type { SavedView } from '../../../../src-shared/domain/saved-view';
import { userRoles } from '../../../../src-shared/domain/user';
import { SavedViewSchema } from '../../../../src-shared/domain/saved-view';
import { defaultInboxQuery, type InboxQuery } from '../../../../src-shared/inbox/queries';
import type { Result } from '../../../../src-shared/result';
import { mainKey, readKeys, traceKey } from '../../../../src-shared/sync/client/local-effect';
import { savedViewsOf } from '../../../../src-shared/sync/client/reference';
import type { MutationError } from '../../../../src-shared/sync/mutation-error';
import { mutationTarget, mutators, type Change } from '../../../../src-shared/sync/mutators';
import type { Mutation, SyncRow } from '../../../../src-shared/sync/protocol';
import { NOW, ctxFor, stateWith, user } from './sync-fixtures';

const operator = user('operator_unit', 'dinkes-yankes', 'op-yankes');
const otherOperator = user('operator_unit', 'dinkes-yankes', 'op-lain');
const admin = user('admin_instansi', 'dinkes', 'admin-dinkes');
const head = user('pimpinan', 'dinkes', 'kepala');

const overdueBySms: InboxQuery = {
  ...defaultInboxQuery('overdue'),
  sort: 'arrival',
  direction: 'desc',
  filters: { channels: ['sms'] },
  search: 'jalan',
};

function viewOf(ownerId: string, overrides: Partial<SavedView> = {}): SavedView {
  return {
    id: 'view-1',
    ownerId,
    name: 'Terlambat via SMS',
    query: overdueBySms,
    updatedAt: NOW - 60_000,
    version: 7,
    ...overrides,
  };
}

function accepted(result: Result<Change, MutationError>): Change {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function refused(result: Result<Change, MutationError>): MutationError {
  if (result.ok) throw new Error('accepted a mutation that should be refused');
  return result.error;
}

const save = (name = 'Terlambat via SMS', query: InboxQuery = overdueBySms) => ({
  viewId: 'view-1',
  name,
  query,
});

describe('view.save', () => {
  it('creates a view owned by the actor, with the name trimmed and the query as given', () => {
    const change = accepted(
      mutators['view.save'](stateWith({}), save('  Terlambat via SMS  '), ctxFor(operator)),
    );
    expect(change.savedViews).toEqual([
      {
        id: 'view-1',
        ownerId: 'op-yankes',
        name: 'Terlambat via SMS',
        query: overdueBySms,
        updatedAt: NOW,
        version: 0,
      },
    ]);
    expect(SavedViewSchema.safeParse(change.savedViews[0]).success).toBe(true);
    // Nothing else moves: no report, no audit trail, no conflict-tracked field writes.
    expect(change.report).toBeNull();
    expect(change.auditEvents).toEqual([]);
    expect(change.writes).toEqual([]);
  });

  it('renames and re-queries the owner’s own view, keeping its id and version', () => {
    const existing = viewOf('op-yankes');
    const change = accepted(
      mutators['view.save'](
        stateWith({ savedView: existing }),
        save('Baru masuk', defaultInboxQuery('unverified')),
        ctxFor(operator),
      ),
    );
    expect(change.savedViews).toEqual([
      {
        ...existing,
        name: 'Baru masuk',
        query: defaultInboxQuery('unverified'),
        updatedAt: NOW,
      },
    ]);
  });

  it('refuses a view id another user holds as taken, whatever the actor’s role', () => {
    const theirs = viewOf('op-lain');
    for (const actor of [operator, admin, head]) {
      const error = refused(
        mutators['view.save'](stateWith({ savedView: theirs }), save(), ctxFor(actor)),
      );
      expect(error).toMatchObject({ code: 'mutation/id-taken', reasonKey: 'mutation.id_taken' });
    }
  });

  it('refuses a blank name and a name longer than 80 characters', () => {
    for (const name of ['', '   ', '\n\t']) {
      expect(
        refused(mutators['view.save'](stateWith({}), save(name), ctxFor(operator))),
      ).toMatchObject({ code: 'mutation/invalid', reasonKey: 'mutation.text_required' });
    }
    expect(
      refused(mutators['view.save'](stateWith({}), save('x'.repeat(81)), ctxFor(operator))).code,
    ).toBe('mutation/invalid');
    expect(
      accepted(mutators['view.save'](stateWith({}), save(` ${'x'.repeat(80)} `), ctxFor(operator)))
        .savedViews[0]?.name,
    ).toBe('x'.repeat(80));
  });

  it('lets every role keep views, a head of agency included, but not the system', () => {
    const keepers: [Actor, string][] = [
      [operator, 'op-yankes'],
      [admin, 'admin-dinkes'],
      [head, 'kepala'],
      [user('peserta', 'kota-bandung', 'u-peserta'), 'u-peserta'],
    ];
    for (const [actor, id] of keepers) {
      expect(
        accepted(mutators['view.save'](stateWith({}), save(), ctxFor(actor))).savedViews[0]
          ?.ownerId,
      ).toBe(id);
    }
    const system: Actor = { kind: 'system' };
    expect(refused(mutators['view.save'](stateWith({}), save(), ctxFor(system))).code).toBe(
      'mutation/forbidden-role',
    );
  });
});

describe('view.delete', () => {
  it('deletes the owner’s own view', () => {
    const existing = viewOf('op-yankes');
    const change = accepted(
      mutators['view.delete'](
        stateWith({ savedView: existing }),
        { viewId: 'view-1' },
        ctxFor(operator),
      ),
    );
    expect(change.deletedSavedViews).toEqual([existing]);
    expect(change.savedViews).toEqual([]);
  });

  it('answers not found for another user’s view and for a missing one, and deletes it for its owner', () => {
    for (const state of [stateWith({ savedView: viewOf('op-lain') }), stateWith({})]) {
      for (const actor of [operator, admin]) {
        expect(
          refused(mutators['view.delete'](state, { viewId: 'view-1' }, ctxFor(actor))),
        ).toMatchObject({ code: 'mutation/not-found', reasonKey: 'mutation.not_found' });
      }
    }
    expect(
      accepted(
        mutators['view.delete'](
          stateWith({ savedView: viewOf('op-lain') }),
          { viewId: 'view-1' },
          ctxFor(otherOperator),
        ),
      ).deletedSavedViews,
    ).toHaveLength(1);
  });
});

describe('saved view ownership', () => {
  it('never lets anyone but the owner change or delete a view, whatever the role, name or query', () => {
    const people = ['op-yankes', 'op-lain', 'admin-dinkes', 'kepala'];
    fc.assert(
      fc.property(
        fc.constantFrom(...people),
        fc.constantFrom(...people),
        fc.constantFrom(...userRoles),
        fc.constantFrom('view.save' as const, 'view.delete' as const),
        fc.string({ maxLength: 100 }),
        (ownerId, actorId, role, name, text) => {
          const actor = user(role, 'dinkes', actorId);
          const state = stateWith({ savedView: viewOf(ownerId) });
          const result =
            name === 'view.save'
              ? mutators['view.save'](state, save(text), ctxFor(actor))
              : mutators['view.delete'](state, { viewId: 'view-1' }, ctxFor(actor));
          if (ownerId !== actorId) {
            expect(result.ok).toBe(false);
            return;
          }
          if (!result.ok) {
            // The owner is refused only for a name that cannot be stored.
            expect(name).toBe('view.save');
            expect(text.trim() === '' || text.trim().length > 80).toBe(true);
            return;
          }
          for (const view of [...result.value.savedViews, ...result.value.deletedSavedViews]) {
            expect(view.ownerId).toBe(ownerId);
            expect(SavedViewSchema.safeParse(view).success).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('saved views on the client', () => {
  const base = { clientId: 'client-a', id: 3, baseVersion: 0, at: NOW };
  const saveMutation: Mutation = { ...base, name: 'view.save', args: save() };
  const deleteMutation: Mutation = { ...base, name: 'view.delete', args: { viewId: 'view-1' } };

  it('loads the view by id and keys the optimistic effect by it, leaving no trace row', () => {
    for (const mutation of [saveMutation, deleteMutation]) {
      expect(mutationTarget(mutation)).toEqual({
        reportId: null,
        responseId: null,
        noteId: null,
        templateId: null,
        categoryId: null,
        userId: null,
        savedViewId: 'view-1',
      });
      expect(readKeys(mutation)).toEqual(['saved_view:view-1']);
      expect(mainKey(mutation)).toBe('saved_view:view-1');
      expect(traceKey(mutation)).toBeNull();
    }
  });

  it('lists only the owner’s views among reference rows, by name', () => {
    const row = (view: SavedView): SyncRow => ({
      entity: 'saved_view',
      id: view.id,
      version: view.version,
      data: view,
    });
    const rows: SyncRow[] = [
      row(viewOf('op-yankes', { id: 'v-b', name: 'Tertunda' })),
      row(viewOf('op-lain', { id: 'v-x', name: 'Antrean orang lain' })),
      row(viewOf('op-yankes', { id: 'v-a', name: 'baru masuk' })),
    ];
    expect(savedViewsOf(rows, 'op-yankes').map((v) => v.id)).toEqual(['v-a', 'v-b']);
    expect(savedViewsOf(rows, 'admin-dinkes')).toEqual([]);
  });
});
