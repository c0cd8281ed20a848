// How long a bulk action is held back on this device before it is sent, so undo sends nothing
// (issue 6: 10 seconds by default). A device setting like the theme: remembered in local storage.
import { create } from 'zustand';
import { localStorageOrNull } from '../../platform/local-storage';

export const UNDO_WINDOW_DEFAULT_S = 10;
export const UNDO_WINDOW_MAX_S = 60;
const STORAGE_KEY = 'posko.undoWindowSeconds';

/** Whole seconds within 0–60; anything else (typed text, a damaged value) is the default. */
export function parseUndoWindow(value: string | null | undefined): number {
  if (value == null || value.trim() === '') return UNDO_WINDOW_DEFAULT_S;
  const seconds = Number(value);
  if (!Number.isFinite(seconds)) return UNDO_WINDOW_DEFAULT_S;
  return Math.min(UNDO_WINDOW_MAX_S, Math.max(0, Math.round(seconds)));
}

interface UndoWindowState {
  seconds: number;
  setSeconds: (seconds: number) => void;
}

export const initialUndoWindowState = (): Pick<UndoWindowState, 'seconds'> => ({
  seconds: parseUndoWindow(localStorageOrNull()?.getItem(STORAGE_KEY)),
});

export const useUndoWindowStore = create<UndoWindowState>()((set) => ({
  ...initialUndoWindowState(),
  setSeconds(value) {
    const seconds = parseUndoWindow(String(value));
    localStorageOrNull()?.setItem(STORAGE_KEY, String(seconds));
    set({ seconds });
  },
}));

/** The hold of the next batch, in milliseconds. */
export const selectHoldMs = (state: Pick<UndoWindowState, 'seconds'>): number =>
  state.seconds * 1000;
