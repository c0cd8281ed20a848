// Routing suggestions in the sync worker: through the InboxService over the real Dexie store and
// engine, trained from the desk's disposed history pulled from the fake server (the agency each
// category went to comes first, with the category as a reason; no history, no suggestions; a slow
// first training answers `learning`, then `ready`); and the service alone, with fake history, for
// retraining a stale model and trying again after a failed training.

import { describe, expect, it } from 'vitest';
import type { ReportHistory } from '../../../../src-renderer/platform/local-db/anchors';
import type { InboxService, RoutingAnswer } from '../../../../src-renderer/sync/inbox-service';
import {
  createRoutingService,
  ROUTING_STALE_MS,
  ROUTING_WAIT_MS,
  type RoutingServiceDeps,
} from '../../../../src-renderer/sync/routing-service';
import type { Disposition } from '../../../../src-shared/domain/disposition';
import type { Report } from '../../../../src-shared/domain/report';
import { manualClock } from '../../../../src-shared/ports';
import type { SyncRow } from '../../../../src-shared/sync/protocol';
import {
  fakeScheduler,
  koordinatorA,
  NOW,
  seedRows,
} from '../../src-shared/sync/client/engine-harness';
import { agencies, consistent, makeReport } from '../../src-shared/sync/sync-fixtures';
import { runUntil, start, synced, world, type World } from './inbox-service-world';

const HOUR = 3_600_000;

/** Where the desk sent each category: health to the health office's unit, roads to education. */
const habits = [
  {
    categoryId: 'kesehatan',
    agencyId: 'dinkes',
    unitId: 'dinkes-yankes',
    title: 'Antrean puskesmas sangat panjang',
  },
  {
    categoryId: 'jalan',
    agencyId: 'disdik',
    unitId: 'disdik-sd',
    title: 'Jalan depan sekolah berlubang',
  },
] as const;
type Habit = (typeof habits)[number];

const HISTORY_PER_CATEGORY = 6;

function pastReport(habit: Habit, n: number): Report {
  return consistent(
    makeReport({
      id: `h-${habit.categoryId}-${String(n)}`,
      trackingId: String(1_800_000 + n + (habit.categoryId === 'jalan' ? 100 : 0)),
      title: habit.title,
      categoryId: habit.categoryId,
      status: 'disposed',
      agencyId: habit.agencyId,
      unitId: habit.unitId,
      disposedAt: NOW - (n + 1) * HOUR,
    }),
  );
}

function dispositionOf(report: Report): Disposition {
  return {
    id: `d-${report.id}`,
    reportId: report.id,
    kind: 'dispose',
    fromAgencyId: 'kota-bandung',
    toAgencyId: report.agencyId,
    toUnitId: report.unitId,
    byUserId: koordinatorA.id,
    at: report.disposedAt ?? NOW,
    note: null,
    version: 0,
  };
}

function history(): ReportHistory[] {
  return habits.flatMap((habit) =>
    Array.from({ length: HISTORY_PER_CATEGORY }, (_, n) => {
      const report = pastReport(habit, n);
      return { report, dispositions: [dispositionOf(report)] };
    }),
  );
}

/** A new unverified report of the category, worded unlike its past ones. */
const newReport = (id: string, categoryId: string): Report =>
  consistent(
    makeReport({
      id,
      trackingId: id === 'new-kes' ? '1900001' : '1900002',
      title: 'Mohon ditindaklanjuti',
      categoryId,
    }),
  );

/** The reference rows, the desk's disposed history and two new reports. */
function seedWithHistory(): SyncRow[] {
  const rows: SyncRow[] = [...seedRows(0)];
  for (const { report, dispositions } of history()) {
    rows.push({ entity: 'report', id: report.id, version: 0, data: report });
    for (const data of dispositions)
      rows.push({ entity: 'disposition', id: data.id, version: 0, data });
  }
  for (const report of [newReport('new-kes', 'kesehatan'), newReport('new-jalan', 'jalan')]) {
    rows.push({ entity: 'report', id: report.id, version: 0, data: report });
  }
  return rows;
}

async function openSynced(w: World): Promise<InboxService> {
  const { service } = await start(w);
  await runUntil(w, () => synced(service));
  return service;
}

/** An answer still on its way: `value` is null until it arrives. */
function awaited<T>(promise: Promise<T>): { value: T | null } {
  const box: { value: T | null } = { value: null };
  void promise.then((value) => {
    box.value = value;
  });
  return box;
}

/** Asks for suggestions while the worker's timers due soon fire (training yields between batches). */
async function suggest(w: World, service: InboxService, reportId: string): Promise<RoutingAnswer> {
  const answer = awaited(service.suggestRouting(reportId));
  await runUntil(w, () => answer.value !== null);
  if (answer.value === null) throw new Error('no answer');
  return answer.value;
}

describe('routing suggestions through the inbox service', () => {
  it("suggests the agency the desk sent the category's reports to, first and with the category as reason", async () => {
    const w = world({ seed: seedWithHistory() });
    const service = await openSynced(w);

    const health = await suggest(w, service, 'new-kes');
    const roads = await suggest(w, service, 'new-jalan');

    if (health.status !== 'ready' || roads.status !== 'ready') {
      throw new Error(`not ready: ${health.status}, ${roads.status}`);
    }
    expect(health.trainedOn).toBe(HISTORY_PER_CATEGORY * habits.length);
    expect(health.suggestions[0]).toMatchObject({
      agencyId: 'dinkes',
      unitId: 'dinkes-yankes',
      support: HISTORY_PER_CATEGORY,
    });
    expect(health.suggestions[0]?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'category', value: 'kesehatan' }),
    );
    expect(roads.suggestions[0]).toMatchObject({ agencyId: 'disdik', unitId: 'disdik-sd' });
    expect(roads.suggestions[0]?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'category', value: 'jalan' }),
    );
    const confidences = health.suggestions.map((s) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('answers no-history when the desk has disposed nothing yet', async () => {
    const w = world({ seed: seedRows(3) });
    const service = await openSynced(w);
    expect(await suggest(w, service, 'r-1')).toEqual({ status: 'no-history' });
  });

  it('answers learning while a slow first training runs, then ready from the trained model', async () => {
    const w = world({ seed: seedWithHistory() });
    const service = await openSynced(w);
    // A slow disk: the history read waits until released.
    let release = (): void => undefined;
    const slowDisk = new Promise<void>((resolve) => {
      release = resolve;
    });
    w.dbCalls = (method, call) =>
      method === 'forEachReportHistory' ? slowDisk.then(call) : call();

    const askedAt = w.clock.now();
    const first = awaited(service.suggestRouting('new-kes'));
    await runUntil(w, () => w.scheduler.pending().some((t) => t.ms === ROUTING_WAIT_MS));
    for (let i = 0; i < 20 && first.value === null; i++) await w.scheduler.fireNext();
    expect(first.value).toEqual({ status: 'learning' });
    // It waited the whole wait, on the worker's clock.
    expect(w.clock.now() - askedAt).toBeGreaterThanOrEqual(ROUTING_WAIT_MS);

    release();
    const later = await suggest(w, service, 'new-kes');
    expect(later.status === 'ready' && later.suggestions[0]?.agencyId).toBe('dinkes');
  });
});

// ---------------------------------------------------------------------------------------------
// The service alone

interface Fakes {
  readonly deps: RoutingServiceDeps;
  readonly clock: ReturnType<typeof manualClock>;
  /** How many times the history was read (one per training). */
  reads: number;
  /** While set, reading the history fails with it. */
  failure: Error | null;
}

function fakes(): Fakes {
  const clock = manualClock(NOW);
  const entries = history();
  const reports = new Map(entries.map((entry) => [entry.report.id, entry.report]));
  reports.set('new-kes', newReport('new-kes', 'kesehatan'));
  const f: Fakes = {
    clock,
    reads: 0,
    failure: null,
    deps: {
      agencyId: 'kota-bandung',
      agencies: () => agencies,
      candidateIds: () => entries.map((entry) => entry.report.id),
      readHistory: async (wanted, fn) => {
        f.reads += 1;
        if (f.failure !== null) throw f.failure;
        const batch = entries.filter((entry) => wanted(entry.report.id));
        await fn(batch.slice(0, 5));
        await fn(batch.slice(5));
      },
      readReport: (id) => Promise.resolve(reports.get(id) ?? null),
      clock,
      scheduler: fakeScheduler(clock),
      yieldToOthers: () => Promise.resolve(),
    },
  };
  return f;
}

describe('routing service', () => {
  it('answers from the trained model without reading the history again', async () => {
    const f = fakes();
    const service = createRoutingService(f.deps);
    expect(await service.suggest('new-kes')).toMatchObject({
      status: 'ready',
      trainedOn: HISTORY_PER_CATEGORY * habits.length,
    });
    expect(await service.suggest('new-kes')).toMatchObject({ status: 'ready' });
    expect(f.reads).toBe(1);
  });

  it('retrains a stale model in the background, answering from the old one meanwhile', async () => {
    const f = fakes();
    const service = createRoutingService(f.deps);
    await service.suggest('new-kes');
    f.clock.advance(ROUTING_STALE_MS + 1);
    // The answer does not wait for the new training.
    expect(await service.suggest('new-kes')).toMatchObject({ status: 'ready' });
    expect(f.reads).toBe(2);
    f.clock.advance(1);
    await service.suggest('new-kes');
    expect(f.reads).toBe(2);
  });

  it('trains again on the next call after a training failed', async () => {
    const f = fakes();
    const service = createRoutingService(f.deps);
    f.failure = new Error('disk gone');
    await expect(service.suggest('new-kes')).rejects.toThrow('disk gone');
    f.failure = null;
    expect(await service.suggest('new-kes')).toMatchObject({ status: 'ready' });
    expect(f.reads).toBe(2);
  });

  it('answers ready with no suggestions for a report not in the local copy', async () => {
    const f = fakes();
    const service = createRoutingService(f.deps);
    expect(await service.suggest('r-unknown')).toEqual({
      status: 'ready',
      suggestions: [],
      trainedOn: HISTORY_PER_CATEGORY * habits.length,
    });
  });
});
