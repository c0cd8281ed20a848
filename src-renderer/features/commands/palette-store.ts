// Whether the command palette (Ctrl+K) is open, and over what: every command, or only the queues
// (`g q`, "go to queue…").
import { create } from 'zustand';
import type { Command } from './command-registry';

// ---------------------------------------------------------------------------------------------
// Types

export const paletteScopes = ['all', 'queues'] as const;
export type PaletteScope = (typeof paletteScopes)[number];

export interface PaletteState {
  isOpen: boolean;
  scope: PaletteScope;
  open: (scope?: PaletteScope) => void;
  close: () => void;
  toggle: () => void;
}

/** Queue commands are registered as `queue.<id>` (features/shell/inbox-shortcuts.ts). */
export const QUEUE_COMMAND_PREFIX = 'queue.';

export function isInScope(command: Command, scope: PaletteScope): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'queues':
      return command.id.startsWith(QUEUE_COMMAND_PREFIX);
  }
}

// ---------------------------------------------------------------------------------------------
// Initial state

export function initialPaletteState(): Pick<PaletteState, 'isOpen' | 'scope'> {
  return { isOpen: false, scope: 'all' };
}

// ---------------------------------------------------------------------------------------------
// Store

export const usePaletteStore = create<PaletteState>()((set) => ({
  ...initialPaletteState(),
  open: (scope = 'all') => {
    set({ isOpen: true, scope });
  },
  close: () => {
    set({ isOpen: false });
  },
  toggle: () => {
    set((state) => ({ isOpen: !state.isOpen, scope: 'all' }));
  },
}));
