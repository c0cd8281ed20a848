// Triage mode's state: on or off, how many reports were decided since it started, and the last
// single-report decision that succeeded (set by the inbox store's `mutate`), which the triage
// controller (use-triage-mode.ts) answers by opening the next report of the queue.
import { create } from 'zustand';
import type { MutationName } from '../../../src-shared/sync/protocol';

// ---------------------------------------------------------------------------------------------
// Types

/**
 * The actions that decide a report's next step (they move its status) and so move triage on.
 * Field edits and notes do not: an operator sets the category, then disposes, on one report.
 */
export const advancingMutations: ReadonlySet<MutationName> = new Set<MutationName>([
  'report.verifyDispose',
  'report.redispose',
  'report.tunda',
  'report.resume',
  'report.notAuthority',
  'report.archive',
  'report.startProcessing',
  'report.reopen',
  'response.publish',
]);

/** Replies and approvals move the report on only when they publish (a submitted one waits). */
function advances(name: MutationName, args: unknown): boolean {
  if (advancingMutations.has(name)) return true;
  if (name !== 'response.send' && name !== 'response.approve') return false;
  return typeof args === 'object' && args !== null && 'publish' in args && args.publish === true;
}

export interface TriageAction {
  readonly reportId: string;
  /** Increases with every action, so two actions on one report are two changes. */
  readonly seq: number;
}

export interface TriageState {
  isActive: boolean;
  /** Reports decided since triage mode started. */
  handled: number;
  /** The queue ran out: triage ended by itself (shown until it starts again). */
  isQueueDone: boolean;
  /** The last advancing action that succeeded, in or out of triage mode. */
  lastAction: TriageAction | null;

  start: () => void;
  stop: () => void;
  /** Called by the inbox store after a single-report mutation succeeded. */
  actionDone: (name: MutationName, args: object) => void;
  /** The controller opened the next report after an action. */
  countHandled: () => void;
  /** The controller found no report after the last one. */
  finish: () => void;
}

// ---------------------------------------------------------------------------------------------
// Initial state

type TriageData = Pick<TriageState, 'isActive' | 'handled' | 'isQueueDone' | 'lastAction'>;

export function initialTriageState(): TriageData {
  return { isActive: false, handled: 0, isQueueDone: false, lastAction: null };
}

// ---------------------------------------------------------------------------------------------
// Store

function reportIdOf(args: object): string | null {
  return 'reportId' in args && typeof args.reportId === 'string' ? args.reportId : null;
}

export const useTriageStore = create<TriageState>()((set) => ({
  ...initialTriageState(),
  start: () => {
    set({ isActive: true, handled: 0, isQueueDone: false });
  },
  stop: () => {
    set({ isActive: false });
  },
  actionDone: (name, args) => {
    const reportId = reportIdOf(args);
    if (!advances(name, args) || reportId === null) return;
    set((state) => ({ lastAction: { reportId, seq: (state.lastAction?.seq ?? 0) + 1 } }));
  },
  countHandled: () => {
    set((state) => ({ handled: state.handled + 1 }));
  },
  finish: () => {
    set({ isActive: false, isQueueDone: true });
  },
}));
