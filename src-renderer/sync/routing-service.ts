// Routing suggestions in the sync worker: trains the model (src-shared/routing) from the local
// copy of the desk's past dispositions on first use, in the background and in batches so the
// worker keeps answering the list, then answers suggestions from memory. No network.

import type { Agency } from '../../src-shared/domain/agency';
import type { Report } from '../../src-shared/domain/report';
import { examplesFromHistory } from '../../src-shared/routing/routing-examples';
import {
  suggestRouting,
  trainRoutingModel,
  type RoutingModel,
} from '../../src-shared/routing/routing-model';
import type { Clock } from '../../src-shared/ports';
import type { Scheduler } from '../../src-shared/sync/client/ports';
import type { ReportHistory } from '../platform/local-db/anchors';
import type { RoutingAnswer } from './inbox-service';

/** Reports read per batch while training (one read transaction each). */
export const ROUTING_BATCH = 500;
/** The model learns from at most this many of the newest reports (older habits matter less). */
export const ROUTING_HISTORY_MAX = 20_000;
/** A suggestion waits this long for a first training before answering `learning`. */
export const ROUTING_WAIT_MS = 1_500;
/** A model older than this is retrained in the background (it keeps answering meanwhile). */
export const ROUTING_STALE_MS = 10 * 60_000;
/** A model that found no history (e.g. before the first sync) is retried this much sooner. */
export const ROUTING_EMPTY_RETRY_MS = 30_000;

export interface RoutingServiceDeps {
  readonly agencyId: string;
  readonly agencies: () => ReadonlyMap<string, Agency>;
  /** Ids of reports that may carry a past decision, newest first (from the in-memory model). */
  readonly candidateIds: () => readonly string[];
  readonly readHistory: (
    wanted: (reportId: string) => boolean,
    fn: (batch: readonly ReportHistory[]) => Promise<void>,
  ) => Promise<void>;
  readonly readReport: (reportId: string) => Promise<Report | null>;
  readonly clock: Clock;
  /** Times the wait for a first training (injected, like every timer of the worker). */
  readonly scheduler: Scheduler;
  /** Lets the worker answer other calls between batches. */
  readonly yieldToOthers: () => Promise<void>;
}

export interface RoutingService {
  suggest(reportId: string): Promise<RoutingAnswer>;
}

interface Trained {
  readonly model: RoutingModel;
  readonly trainedOn: number;
  readonly at: number;
}

export function createRoutingService(deps: RoutingServiceDeps): RoutingService {
  let trained: Trained | null = null;
  let training: Promise<Trained> | null = null;

  async function train(): Promise<Trained> {
    const wanted = new Set(deps.candidateIds().slice(0, ROUTING_HISTORY_MAX));
    const reports: Report[] = [];
    const dispositions: ReportHistory['dispositions'][number][] = [];
    await deps.readHistory(
      (id) => wanted.has(id),
      async (batch) => {
        for (const entry of batch) {
          reports.push(entry.report);
          dispositions.push(...entry.dispositions);
        }
        await deps.yieldToOthers();
      },
    );
    const examples = examplesFromHistory({
      agencyId: deps.agencyId,
      agencies: deps.agencies(),
      reports,
      dispositions,
    });
    const model = trainRoutingModel(examples);
    return { model, trainedOn: examples.length, at: deps.clock.now() };
  }

  function startTraining(): Promise<Trained> {
    training ??= train().then(
      (result) => {
        trained = result;
        training = null;
        return result;
      },
      (error: unknown) => {
        training = null;
        throw error;
      },
    );
    return training;
  }

  function answerFrom(state: Trained, report: Report | null): RoutingAnswer {
    if (state.trainedOn === 0) return { status: 'no-history' };
    const suggestions = report === null ? [] : suggestRouting(state.model, report);
    return { status: 'ready', suggestions, trainedOn: state.trainedOn };
  }

  return {
    async suggest(reportId) {
      const report = await deps.readReport(reportId);
      const current = trained;
      if (current !== null) {
        const staleAfter = current.trainedOn === 0 ? ROUTING_EMPTY_RETRY_MS : ROUTING_STALE_MS;
        if (deps.clock.now() - current.at > staleAfter) void startTraining().catch(() => null);
        return answerFrom(current, report);
      }
      let timer: unknown = null;
      const waited = await Promise.race([
        startTraining(),
        new Promise<null>((resolve) => {
          timer = deps.scheduler.setTimeout(() => {
            resolve(null);
          }, ROUTING_WAIT_MS);
        }),
      ]);
      deps.scheduler.clearTimeout(timer);
      return waited === null ? { status: 'learning' } : answerFrom(waited, report);
    },
  };
}
