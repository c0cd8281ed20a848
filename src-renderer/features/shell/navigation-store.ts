// Which screen and queue the operator is looking at (UI state only, no records).
import { create } from 'zustand';
import type { QueueId } from '../queues/queue-definitions';

export type View = 'inbox' | 'settings' | 'templates';

/**
 * Asked before the view changes: a screen with unsaved work (the template editor) answers false
 * and runs `proceed` itself once the operator chose to leave. One screen guards at a time.
 */
export type LeaveGuard = (proceed: () => void) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

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

export const useNavigationStore = create<NavigationState>()((set, get) => ({
  ...initialNavigationState(),
  openView(view) {
    const go = () => {
      set({ view });
    };
    if (view !== get().view && leaveGuard !== null && !leaveGuard(go)) return;
    go();
  },
  selectQueue(queue) {
    set({ queue, view: 'inbox' });
  },
  setShortcutsOpen(shortcutsOpen) {
    set({ shortcutsOpen });
  },
}));
