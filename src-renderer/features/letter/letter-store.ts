// The letter dialog: which report's letter is open. The letter itself is derived from local data
// each render (letter-model.ts); nothing of it is kept here.
import { create } from 'zustand';

export interface LetterState {
  /** The report whose letter dialog is open, or null. */
  reportId: string | null;
  open: (reportId: string) => void;
  close: () => void;
}

export function initialLetterState(): Pick<LetterState, 'reportId'> {
  return { reportId: null };
}

export const useLetterStore = create<LetterState>()((set) => ({
  ...initialLetterState(),
  open: (reportId) => {
    set({ reportId });
  },
  close: () => {
    set({ reportId: null });
  },
}));
