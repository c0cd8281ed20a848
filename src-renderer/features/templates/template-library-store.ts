// The template library's UI state: the filter and the list cursor, the template open in the editor
// (its draft and what was last saved), the confirmation on screen (discard changes, delete) and
// the report the preview renders against. Templates themselves are reference data in the sync
// worker; this store holds the snapshot on screen and asks again when the worker says it changed.
import { create } from 'zustand';
import type { SessionUser } from '../../../src-shared/api/auth';
import type { Template } from '../../../src-shared/domain/template';
import type { MutationError } from '../../../src-shared/sync/mutation-error';
import type { InboxService, ReferenceData } from '../../sync/inbox-service';
import {
  draftOf,
  isSameDraft,
  newDraft,
  personalCopy,
  upsertArgs,
  type TemplateDraft,
} from './template-draft';
import { emptyTemplateFilter, type TemplateFilter } from './template-library';
import { creatableScopes } from './template-rights';

// ---------------------------------------------------------------------------------------------
// Types

export interface TemplateLibraryDeps {
  readonly now: () => number;
  /** Ids of new templates (client-made, like every record the client creates). */
  readonly newId: () => string;
}

export interface TemplateEditorState {
  readonly draft: TemplateDraft;
  /** The draft as last saved (or as opened): the unsaved-changes guard compares with it. */
  readonly baseline: TemplateDraft;
  readonly saving: boolean;
  /** The last save or delete was refused: why. */
  readonly error: MutationError | null;
  /** When the draft was last saved in this session (the "Tersimpan" notice). */
  readonly savedAt: number | null;
}

export type TemplateConfirm =
  /** Unsaved changes would be lost: `proceed` is what the operator asked for. */
  { readonly kind: 'discard'; readonly proceed: () => void } | { readonly kind: 'delete' };

export interface TemplateLibraryState {
  service: InboxService | null;
  user: SessionUser | null;
  deps: TemplateLibraryDeps;
  reference: ReferenceData | null;
  filter: TemplateFilter;
  /** The highlighted row of the list (keyboard), not necessarily the open template. */
  cursorId: string | null;
  editor: TemplateEditorState | null;
  confirm: TemplateConfirm | null;
  /** The report the preview renders against (null: none chosen). */
  previewReportId: string | null;

  attach: (
    service: InboxService,
    user: SessionUser,
    options?: { deps?: Partial<TemplateLibraryDeps>; previewReportId?: string | null },
  ) => () => void;
  setFilter: (patch: Partial<TemplateFilter>) => void;
  setCursor: (id: string | null) => void;
  /** Opens a stored template in the editor (after the guard). */
  open: (id: string) => void;
  /** A new, empty template (after the guard): personal unless only agency ones may be made. */
  startNew: () => void;
  /** The open template copied as the user's personal one, unsaved (after the guard). */
  copyAsPersonal: (copyName: (name: string) => string) => void;
  updateDraft: (patch: Partial<Omit<TemplateDraft, 'id' | 'isNew'>>) => void;
  save: () => Promise<void>;
  requestDelete: () => void;
  confirmDelete: () => Promise<void>;
  /**
   * Whether leaving the draft is fine now; when it has unsaved changes, asks the operator and
   * answers false (`proceed` runs if they discard them).
   */
  guard: (proceed: () => void) => boolean;
  /** The discard confirmation's "Buang": drops the changes and does what was asked. */
  discardAndProceed: () => void;
  cancelConfirm: () => void;
  closeEditor: () => void;
  setPreviewReport: (id: string | null) => void;
}

// ---------------------------------------------------------------------------------------------
// Initial state

const defaultDeps: TemplateLibraryDeps = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

export function initialTemplateLibraryState(): Pick<
  TemplateLibraryState,
  | 'service'
  | 'user'
  | 'deps'
  | 'reference'
  | 'filter'
  | 'cursorId'
  | 'editor'
  | 'confirm'
  | 'previewReportId'
> {
  return {
    service: null,
    user: null,
    deps: defaultDeps,
    reference: null,
    filter: emptyTemplateFilter,
    cursorId: null,
    editor: null,
    confirm: null,
    previewReportId: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Selectors

export function selectIsDirty(state: Pick<TemplateLibraryState, 'editor'>): boolean {
  const editor = state.editor;
  return editor !== null && !isSameDraft(editor.draft, editor.baseline);
}

/** The stored template the editor has open (null for a new one, or once it is gone). */
export function selectOpenTemplate(
  state: Pick<TemplateLibraryState, 'editor' | 'reference'>,
): Template | null {
  const id = state.editor?.draft.id;
  if (id === undefined) return null;
  return state.reference?.templates.find((t) => t.id === id) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Store

function editing(draft: TemplateDraft, baseline: TemplateDraft = draft): TemplateEditorState {
  return { draft, baseline, saving: false, error: null, savedAt: null };
}

export const useTemplateLibraryStore = create<TemplateLibraryState>()((set, get) => {
  function reload(): void {
    const service = get().service;
    void service?.reference().then((reference) => {
      if (get().service === service) set({ reference });
    });
  }

  /** Runs `go` now, or after the operator agreed to drop unsaved changes. */
  function guarded(go: () => void): void {
    if (get().guard(go)) go();
  }

  return {
    ...initialTemplateLibraryState(),

    attach(service, user, options = {}) {
      set({
        ...initialTemplateLibraryState(),
        service,
        user,
        deps: { ...defaultDeps, ...options.deps },
        previewReportId: options.previewReportId ?? null,
      });
      reload();
      // Templates are reference data: any change that is not about reports may be one.
      const unsubscribe = service.subscribe((event) => {
        if (event.type === 'data' && event.reportIds === null) reload();
      });
      return () => {
        unsubscribe();
        if (get().service === service) set({ service: null });
      };
    },

    setFilter(patch) {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
    },

    setCursor(cursorId) {
      set({ cursorId });
    },

    open(id) {
      const template = get().reference?.templates.find((t) => t.id === id);
      if (template === undefined) return;
      set({ cursorId: id });
      if (get().editor?.draft.id === id) return;
      guarded(() => {
        set({ editor: editing(draftOf(template)), confirm: null });
      });
    },

    startNew() {
      const { user, deps, filter } = get();
      if (user === null) return;
      const scopes = creatableScopes(user.role);
      const scope = scopes.includes('personal') ? 'personal' : scopes[0];
      if (scope === undefined) return;
      guarded(() => {
        const kind = filter.kind === 'all' ? 'tindak_lanjut' : filter.kind;
        set({ editor: editing(newDraft(deps.newId(), scope, kind)), confirm: null });
      });
    },

    copyAsPersonal(copyName) {
      const { editor, user, deps } = get();
      if (editor === null || user === null) return;
      if (!creatableScopes(user.role).includes('personal')) return;
      const source = editor.draft;
      guarded(() => {
        const copy = personalCopy(source, deps.newId(), copyName);
        // Compared with an empty template, the copy counts as unsaved until it is saved.
        const baseline = newDraft(copy.id, copy.scope, copy.kind);
        set({ editor: editing(copy, baseline), confirm: null, cursorId: null });
      });
    },

    updateDraft(patch) {
      const editor = get().editor;
      if (editor === null) return;
      // The scope of a stored template is fixed (the mutator refuses a change).
      const scope = editor.draft.isNew ? (patch.scope ?? editor.draft.scope) : editor.draft.scope;
      set({ editor: { ...editor, draft: { ...editor.draft, ...patch, scope }, savedAt: null } });
    },

    async save() {
      const { service, editor, deps } = get();
      if (service === null || editor === null || editor.saving) return;
      const draft = editor.draft;
      set({ editor: { ...editor, saving: true, error: null } });
      const result = await service.mutate('template.upsert', upsertArgs(draft));
      const current = get().editor;
      if (current === null || current.draft.id !== draft.id) return;
      if (!result.ok) {
        set({ editor: { ...current, saving: false, error: result.error } });
        return;
      }
      const saved: TemplateDraft = { ...draft, isNew: false };
      // Typing while the save was on its way stays in the draft, unsaved.
      const draftNow = isSameDraft(current.draft, draft)
        ? saved
        : { ...current.draft, isNew: false };
      set({
        editor: {
          draft: draftNow,
          baseline: saved,
          saving: false,
          error: null,
          savedAt: deps.now(),
        },
        cursorId: draft.id,
      });
      reload();
    },

    requestDelete() {
      const editor = get().editor;
      if (editor === null || editor.draft.isNew) return;
      set({ confirm: { kind: 'delete' } });
    },

    async confirmDelete() {
      const { service, editor } = get();
      if (service === null || editor === null) return;
      const id = editor.draft.id;
      set({ confirm: null, editor: { ...editor, saving: true, error: null } });
      const result = await service.mutate('template.delete', { templateId: id });
      const current = get().editor;
      if (current?.draft.id !== id) return;
      if (!result.ok) {
        set({ editor: { ...current, saving: false, error: result.error } });
        return;
      }
      set({ editor: null, cursorId: null });
      reload();
    },

    guard(proceed) {
      if (!selectIsDirty(get())) return true;
      set({ confirm: { kind: 'discard', proceed } });
      return false;
    },

    discardAndProceed() {
      const { confirm, editor } = get();
      if (confirm?.kind !== 'discard') return;
      // Back to the saved state first, so the guard lets `proceed` through.
      set({
        confirm: null,
        editor: editor === null ? null : { ...editor, draft: editor.baseline },
      });
      confirm.proceed();
    },

    cancelConfirm() {
      set({ confirm: null });
    },

    closeEditor() {
      guarded(() => {
        set({ editor: null });
      });
    },

    setPreviewReport(previewReportId) {
      set({ previewReportId });
    },
  };
});

/** Back to the initial state (tests, and signing out). */
export function resetTemplateLibraryStore(): void {
  useTemplateLibraryStore.setState(initialTemplateLibraryState());
}
