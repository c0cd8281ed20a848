// The operator's multi-selection of reports in the list (for bulk actions): a set of ids that
// survives scrolling, sorting and re-querying, with the anchor of the last click for ranges.
// Kept apart from the inbox store's cursor (the one report open in the detail pane).
import { create } from 'zustand';

// ---------------------------------------------------------------------------------------------
// Types

export interface SelectionState {
  /** Replaced (never mutated) on every change, so selectors see a new value. */
  ids: ReadonlySet<string>;
  /** Where a range starts (the last toggled or clicked report), else null. */
  anchorId: string | null;

  /** Adds or removes one report; it becomes the anchor. */
  toggle: (id: string) => void;
  /** Adds every id of a range (resolved by the caller in list order); the anchor stays. */
  addRange: (ids: readonly string[]) => void;
  /** Replaces the selection (select all in a queue/filter, "select those that need attention"). */
  replace: (ids: readonly string[]) => void;
  /** Removes ids (e.g. reports that left the local store). */
  remove: (ids: readonly string[]) => void;
  clear: () => void;
}

// ---------------------------------------------------------------------------------------------
// Initial state

type SelectionData = Pick<SelectionState, 'ids' | 'anchorId'>;

export function initialSelectionState(): SelectionData {
  return { ids: new Set<string>(), anchorId: null };
}

// ---------------------------------------------------------------------------------------------
// Store

export const useSelectionStore = create<SelectionState>()((set) => ({
  ...initialSelectionState(),
  toggle: (id) => {
    set((state) => {
      const ids = new Set(state.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { ids, anchorId: id };
    });
  },
  addRange: (range) => {
    if (range.length === 0) return;
    set((state) => {
      const ids = new Set(state.ids);
      for (const id of range) ids.add(id);
      return { ids };
    });
  },
  replace: (next) => {
    set({ ids: new Set(next), anchorId: next[0] ?? null });
  },
  remove: (gone) => {
    set((state) => {
      if (!gone.some((id) => state.ids.has(id))) return state;
      const ids = new Set(state.ids);
      for (const id of gone) ids.delete(id);
      return {
        ids,
        anchorId: state.anchorId !== null && ids.has(state.anchorId) ? state.anchorId : null,
      };
    });
  },
  clear: () => {
    set(initialSelectionState());
  },
}));

// ---------------------------------------------------------------------------------------------
// Selectors

export const selectSelectedCount = (state: SelectionState): number => state.ids.size;
export const selectIsSelected =
  (id: string) =>
  (state: SelectionState): boolean =>
    state.ids.has(id);
