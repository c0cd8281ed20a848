// Which screen and queue the operator is looking at (UI state only, no records).
import { create } from 'zustand';
import type { QueueId } from '../queues/queue-definitions';

export type View = 'inbox' | 'settings';

interface NavigationState {
  view: View;
  queue: QueueId | null;
  shortcutsOpen: boolean;
  openView: (view: View) => void;
  selectQueue: (queue: QueueId) => void;
  setShortcutsOpen: (open: boolean) => void;
}

export const initialNavigationState = (): Pick<
  NavigationState,
  'view' | 'queue' | 'shortcutsOpen'
> => ({
  view: 'inbox',
  queue: null,
  shortcutsOpen: false,
});

export const useNavigationStore = create<NavigationState>()((set) => ({
  ...initialNavigationState(),
  openView(view) {
    set({ view });
  },
  selectQueue(queue) {
    set({ queue, view: 'inbox' });
  },
  setShortcutsOpen(shortcutsOpen) {
    set({ shortcutsOpen });
  },
}));
