// Bulk actions on the selection: the open dialog and its steps (arguments → preview → run), the
// last batch with its undo and redo, and the recent batches with the server's answers. Batches
// live in the sync worker; this store holds what is on screen and asks the worker again when it
// announces a change ({type:'batches'}).
import { create } from 'zustand';
import type {
  BatchSummary,
  BulkAction,
  BulkActionKind,
  BulkRequest,
} from '../../../src-shared/bulk/bulk-action';
import type {
  BulkError,
  BulkPreview,
  BulkRun,
  BulkUndoResult,
  InboxService,
} from '../../sync/inbox-service';
import { useSelectionStore } from '../selection/selection-store';

// ---------------------------------------------------------------------------------------------
// Types

export type BulkDialogStep =
  /** Collecting the action's arguments; `error` when the last check failed outright. */
  | { readonly step: 'form'; readonly error: BulkError | null }
  /** The worker is planning the action over the selection (may take a while at 100,000). */
  | { readonly step: 'checking'; readonly action: BulkAction }
  /** The exact confirmation; `error` when running it was refused (state changed meanwhile). */
  | {
      readonly step: 'confirm';
      readonly action: BulkAction;
      readonly preview: BulkPreview;
      readonly error: BulkError | null;
    }
  | { readonly step: 'running'; readonly action: BulkAction; readonly preview: BulkPreview };

export interface BulkDialog {
  readonly kind: BulkActionKind;
  /** The selection when the dialog opened, in selection order. */
  readonly reportIds: readonly string[];
  readonly step: BulkDialogStep;
}

export type LastBatchPhase = 'done' | 'undoing' | 'undone' | 'redoing';

/** The newest batch made here: undo takes it back until the next batch; redo makes it again. */
export interface LastBatch {
  readonly request: BulkRequest;
  /** The batch; null only while a redo is on its way. */
  readonly run: BulkRun | null;
  readonly phase: LastBatchPhase;
  readonly undo: BulkUndoResult | null;
  /** Why the last undo or redo failed. */
  readonly error: BulkError | null;
}

export interface BulkDeps {
  /** The clock of the hold countdown (the worker's clock set `holdUntil`). */
  readonly now: () => number;
}

export interface BulkState {
  service: InboxService | null;
  now: () => number;
  dialog: BulkDialog | null;
  last: LastBatch | null;
  /** The toast was dismissed; it shows again with the next batch, undo or redo. */
  toastHidden: boolean;
  batches: readonly BatchSummary[];
  resultsOpen: boolean;

  attach: (service: InboxService, deps?: BulkDeps) => () => void;
  openDialog: (kind: BulkActionKind, reportIds: readonly string[]) => void;
  closeDialog: () => void;
  /** Plans `action` over the dialog's reports and shows the confirmation. */
  check: (action: BulkAction) => Promise<void>;
  /** From the confirmation back to the arguments (the form kept them). */
  back: () => void;
  /** Plans the confirmed action again (after a refusal: the state changed since the preview). */
  recheck: () => Promise<void>;
  /** Runs the confirmed action as one batch, held back for `holdMs`. */
  confirm: (holdMs: number) => Promise<void>;
  undo: () => Promise<void>;
  redo: (holdMs: number) => Promise<void>;
  hideToast: () => void;
  setResultsOpen: (open: boolean) => void;
  refreshBatches: () => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Initial state

type BulkData = Pick<
  BulkState,
  'service' | 'now' | 'dialog' | 'last' | 'toastHidden' | 'batches' | 'resultsOpen'
>;

export const initialBulkState = (): BulkData => ({
  service: null,
  now: () => Date.now(),
  dialog: null,
  last: null,
  toastHidden: false,
  batches: [],
  resultsOpen: false,
});

// ---------------------------------------------------------------------------------------------
// Selectors

export const selectCanUndo = (state: Pick<BulkState, 'last'>): boolean =>
  state.last?.phase === 'done' && state.last.run !== null;
export const selectCanRedo = (state: Pick<BulkState, 'last'>): boolean =>
  state.last?.phase === 'undone';

/** Report ids of a batch that need the operator's attention: refused or overtaken by others. */
export function attentionIds(batch: BatchSummary): string[] {
  return [...batch.superseded, ...batch.rejected];
}

// ---------------------------------------------------------------------------------------------
// The store

function failure(error: unknown): BulkError {
  return { code: 'bulk/failed', message: error instanceof Error ? error.message : String(error) };
}

// Each preview and batch list request gets a number: an answer to an older one is dropped.
let checkRequest = 0;
let batchesRequest = 0;
let batchesInFlight = false;
let batchesStale = false;
/** The service of the last attachment: coming back to it (from settings) keeps undo. */
let lastService: InboxService | null = null;

export const useBulkStore = create<BulkState>()((set, get) => {
  /** Updates the open dialog's step if it is still the dialog the answer belongs to. */
  function setStep(dialog: BulkDialog, step: BulkDialogStep): void {
    if (get().dialog !== dialog) return;
    set({ dialog: { ...dialog, step } });
  }

  async function preview(dialog: BulkDialog, action: BulkAction): Promise<void> {
    const service = get().service;
    if (service === null) return;
    const request = ++checkRequest;
    const checking: BulkDialog = { ...dialog, step: { step: 'checking', action } };
    set({ dialog: checking });
    try {
      const answer = await service.previewBulk({ action, reportIds: dialog.reportIds });
      if (request !== checkRequest) return;
      setStep(checking, { step: 'confirm', action, preview: answer, error: null });
    } catch (error) {
      if (request !== checkRequest) return;
      setStep(checking, { step: 'form', error: failure(error) });
    }
  }

  return {
    ...initialBulkState(),

    attach(service, deps = { now: () => Date.now() }) {
      checkRequest += 1;
      // The same session coming back to the workspace can still undo its last batch.
      const kept = lastService === service ? { last: get().last, batches: get().batches } : {};
      lastService = service;
      set({ ...initialBulkState(), ...kept, service, now: deps.now });
      const unsubscribe = service.subscribe((event) => {
        if (event.type === 'batches') void get().refreshBatches();
      });
      void get().refreshBatches();
      return () => {
        unsubscribe();
        if (get().service === service) set({ service: null, dialog: null });
      };
    },

    openDialog(kind, reportIds) {
      if (reportIds.length === 0 || get().service === null) return;
      checkRequest += 1;
      set({ dialog: { kind, reportIds: [...reportIds], step: { step: 'form', error: null } } });
    },

    closeDialog() {
      // A preview still on its way is dropped with the dialog.
      checkRequest += 1;
      set({ dialog: null });
    },

    async check(action) {
      const dialog = get().dialog;
      if (dialog === null || dialog.kind !== action.kind || dialog.step.step === 'running') return;
      await preview(dialog, action);
    },

    back() {
      const dialog = get().dialog;
      if (dialog?.step.step !== 'confirm') return;
      set({ dialog: { ...dialog, step: { step: 'form', error: null } } });
    },

    async recheck() {
      const dialog = get().dialog;
      if (dialog?.step.step !== 'confirm') return;
      await preview(dialog, dialog.step.action);
    },

    async confirm(holdMs) {
      const { dialog, service } = get();
      if (dialog?.step.step !== 'confirm' || service === null) return;
      const { action, preview: checked } = dialog.step;
      const running: BulkDialog = {
        ...dialog,
        step: { step: 'running', action, preview: checked },
      };
      set({ dialog: running });
      const request: BulkRequest = { action, reportIds: dialog.reportIds };
      let result;
      try {
        result = await service.runBulk(request, holdMs);
      } catch (error) {
        setStep(running, { step: 'confirm', action, preview: checked, error: failure(error) });
        return;
      }
      if (!result.ok) {
        setStep(running, { step: 'confirm', action, preview: checked, error: result.error });
        return;
      }
      // The reports it skipped stay one click away in the toast; the rest are done with.
      useSelectionStore.getState().clear();
      set({
        dialog: get().dialog === running ? null : get().dialog,
        last: { request, run: result.value, phase: 'done', undo: null, error: null },
        toastHidden: false,
      });
      void get().refreshBatches();
    },

    async undo() {
      const { last, service } = get();
      if (service === null || last?.phase !== 'done' || last.run === null) return;
      const undoing: LastBatch = { ...last, phase: 'undoing', error: null };
      set({ last: undoing, toastHidden: false });
      let result;
      try {
        result = await service.undoBatch(last.run.batchId);
      } catch (error) {
        result = { ok: false as const, error: failure(error) };
      }
      if (get().last !== undoing) return;
      set({
        last: result.ok
          ? { ...undoing, phase: 'undone', undo: result.value }
          : { ...undoing, phase: 'done', error: result.error },
      });
      void get().refreshBatches();
    },

    async redo(holdMs) {
      const { last, service } = get();
      if (service === null || last?.phase !== 'undone') return;
      const redoing: LastBatch = { ...last, phase: 'redoing', error: null };
      set({ last: redoing, toastHidden: false });
      let result;
      try {
        result = await service.runBulk(last.request, holdMs);
      } catch (error) {
        result = { ok: false as const, error: failure(error) };
      }
      if (get().last !== redoing) return;
      set({
        last: result.ok
          ? { request: last.request, run: result.value, phase: 'done', undo: null, error: null }
          : { ...last, error: result.error },
      });
      void get().refreshBatches();
    },

    hideToast() {
      set({ toastHidden: true });
    },

    setResultsOpen(resultsOpen) {
      set({ resultsOpen });
      if (resultsOpen) void get().refreshBatches();
    },

    async refreshBatches() {
      // The worker announces every answer of a push: while one read is on its way, further
      // announcements make one more read after it, not one each.
      if (batchesInFlight) {
        batchesStale = true;
        return;
      }
      const service = get().service;
      if (service === null) return;
      const request = ++batchesRequest;
      batchesInFlight = true;
      let batches: readonly BatchSummary[] | null = null;
      try {
        batches = await service.batches();
      } catch {
        // The worker is gone or its database failed (a problem event says so): keep the list.
      } finally {
        batchesInFlight = false;
      }
      if (batches !== null && request === batchesRequest && get().service === service) {
        set({ batches });
      }
      if (batchesStale) {
        batchesStale = false;
        await get().refreshBatches();
      }
    },
  };
});

/** Resets the store (tests, sign-out). */
export function resetBulkStore(): void {
  checkRequest += 1;
  batchesInFlight = false;
  batchesStale = false;
  lastService = null;
  batchesRequest += 1;
  useBulkStore.setState(initialBulkState());
}
