// Bulk actions in the sync worker: plan a selection against the reports as the operator sees them
// (server layer + pending changes), apply the batch through the engine (one transaction, held
// back for the undo window), undo it (withdraw while held, else compensate) and list batches.
// The rules live in src-shared/bulk; this module only reads the local store and calls the engine.
// A reply reads what its template needs (reference data, snippets, dispositions when it lists
// them) before planning; planning and rendering then run synchronously, and the engine writes the
// batch in one read and one write of its own transaction.

import type { UserActor } from '../../src-shared/domain/actor';
import type { Disposition } from '../../src-shared/domain/disposition';
import type { Report } from '../../src-shared/domain/report';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { Template } from '../../src-shared/domain/template';
import { snippetsOf } from '../../src-shared/domain/templating/template-context-build';
import type { BulkAction, BulkRequest } from '../../src-shared/bulk/bulk-action';
import { summarizeBatch } from '../../src-shared/bulk/batch-summary';
import {
  planBulk,
  prepareReply,
  renderPreparedReply,
  templateErrorText,
  type BulkPlan,
  type BulkPlanInput,
  type ReplyRenderBase,
} from '../../src-shared/bulk/bulk-plan';
import { planCompensation } from '../../src-shared/bulk/compensation';
import { err, ok, type Result } from '../../src-shared/result';
import { BATCHES_KEPT, type SyncEngine } from '../../src-shared/sync/client/engine';
import {
  effectiveRow,
  recordKey,
  type LayeredRecord,
  type LocalStore,
  type RecordKey,
} from '../../src-shared/sync/client/ports';
import type { MutatorContext } from '../../src-shared/sync/mutators';
import type { Clock } from '../../src-shared/ports';
import type {
  BulkError,
  BulkPreview,
  BulkRun,
  BulkUndoResult,
  InboxService,
} from './inbox-service';

/** How many applicable reports the confirmation names. */
export const BULK_SAMPLE_SIZE = 5;
/** How many rendered replies the confirmation shows in full. */
export const REPLY_SAMPLE_SIZE = 3;
/** How many batches `batches()` lists (the engine keeps more for undo). */
export const BATCHES_LISTED = 50;

export interface BulkOperationsDeps {
  readonly store: LocalStore;
  readonly engine: Pick<
    SyncEngine,
    'mutatePlanned' | 'withdrawBatch' | 'listBatches' | 'reference'
  >;
  readonly actor: UserActor;
  readonly clock: Clock;
  readonly newId: () => string;
  /**
   * Runs a local write as the service runs every mutation (optimistic list rows kept or undone,
   * one data event, storage failures reported); answers null when the store failed.
   */
  readonly write: <T extends { readonly ok: boolean }>(fn: () => Promise<T>) => Promise<T | null>;
  /**
   * Reports' records with their children's (both layers), in one read; unknown reports left out
   * (PoskoLocalDb's reportsRecords): the dispositions a reply may list, the responses an approval
   * looks for.
   */
  readonly reportsRecords: (
    reportIds: readonly string[],
  ) => Promise<ReadonlyMap<string, ReadonlyMap<RecordKey, LayeredRecord>>>;
}

/** A report's children a reply or an approval reads, as the operator sees them. */
interface ReportChildren {
  readonly dispositions: readonly Disposition[];
  readonly responses: readonly ReportResponse[];
}

const noChildren: ReportChildren = { dispositions: [], responses: [] };

function childrenOf(records: ReadonlyMap<RecordKey, LayeredRecord> | null): ReportChildren {
  if (records === null) return noChildren;
  const dispositions: Disposition[] = [];
  const responses: ReportResponse[] = [];
  for (const record of records.values()) {
    const row = effectiveRow(record);
    if (row?.entity === 'disposition') dispositions.push(row.data);
    else if (row?.entity === 'response') responses.push(row.data);
  }
  dispositions.sort((a, b) => a.at - b.at);
  return { dispositions, responses };
}

export type BulkOperations = Pick<
  InboxService,
  'previewBulk' | 'runBulk' | 'undoBatch' | 'batches'
>;

export function createBulkOperations(deps: BulkOperationsDeps): BulkOperations {
  const { store, engine } = deps;

  function context(): Omit<MutatorContext, 'idPrefix'> {
    const reference = engine.reference();
    return {
      actor: deps.actor,
      now: deps.clock.now(),
      agencies: reference.agencies,
      calendar: reference.calendar,
      categories: reference.categories,
      users: reference.users,
    };
  }

  /**
   * The selection's reports as the operator sees them (null: not in the store) with their
   * children (a reply lists dispositions, an approval looks for the submitted response), from
   * every record of each report.
   */
  function selectionOf(
    ids: readonly string[],
    records: ReadonlyMap<string, ReadonlyMap<RecordKey, LayeredRecord>>,
  ): { reports: { id: string; report: Report | null }[]; children: Map<string, ReportChildren> } {
    const unique = [...new Set(ids)];
    const reports = unique.map((id) => {
      const row = effectiveRow(records.get(id)?.get(recordKey('report', id)));
      return { id, report: row?.entity === 'report' ? row.data : null };
    });
    const children = new Map(unique.map((id) => [id, childrenOf(records.get(id) ?? null)]));
    return { reports, children };
  }

  /** Agency and personal templates of the operator, as the reference rows hold them. */
  async function readTemplates(): Promise<Template[]> {
    const rows = await store.listReference();
    return rows.flatMap((row) => (row.entity === 'template' ? [row.data] : []));
  }

  type ExtraInput = (
    children: ReadonlyMap<string, ReportChildren>,
  ) => Pick<BulkPlanInput, 'renderReply' | 'responsesOf'>;

  /**
   * What planning `action` needs besides the reports, read before planning: for a reply, its
   * template prepared once and rendered per report; for an approval, each report's responses.
   */
  async function extraInput(action: BulkAction): Promise<ExtraInput> {
    switch (action.kind) {
      case 'reply': {
        const templates = await readTemplates();
        const snippets = snippetsOf(templates, deps.actor.id);
        const prepared = prepareReply(action.body, snippets);
        if (!prepared.ok) {
          const error = templateErrorText(prepared.error);
          return () => ({ renderReply: () => ({ ok: false, error }) });
        }
        const reference = engine.reference();
        const base: ReplyRenderBase = {
          agencies: reference.agencies,
          categories: reference.categories,
          users: reference.users,
          officerId: deps.actor.id,
          now: deps.clock.now(),
          calendar: reference.calendar,
          // The kind decides which deadline `batas_waktu` names (a request for information, …).
          kind: templates.find((template) => template.id === action.templateId)?.kind ?? null,
        };
        return (children) => ({
          renderReply: (report) =>
            renderPreparedReply(
              prepared.value,
              report,
              (children.get(report.id) ?? noChildren).dispositions,
              base,
            ),
        });
      }
      case 'approve_responses':
        return (children) => ({
          responsesOf: (id) => (children.get(id) ?? noChildren).responses,
        });
      default:
        return () => ({});
    }
  }

  /** The reports an action reads: a merge reads the kept report too, picked outside or not. */
  function idsOf(request: BulkRequest): readonly string[] {
    return request.action.kind === 'merge'
      ? [...request.reportIds, request.action.keepReportId]
      : request.reportIds;
  }

  /** The plan on the records read (synchronous: it may run inside the batch's transaction). */
  function planOn(
    request: BulkRequest,
    batchId: string,
    extra: ExtraInput,
    records: ReadonlyMap<string, ReadonlyMap<RecordKey, LayeredRecord>>,
  ) {
    const { reports, children } = selectionOf(idsOf(request), records);
    const planned = planBulk(
      { action: request.action, batchId, reports, ...extra(children) },
      context(),
      deps.newId,
    );
    return { reports, planned };
  }

  const failed = (message: string): BulkError => ({ code: 'bulk/failed', message });
  let undoing: Promise<void> = Promise.resolve();

  return {
    async previewBulk(request): Promise<BulkPreview> {
      const extra = await extraInput(request.action);
      const records = await deps.reportsRecords([...new Set(idsOf(request))]);
      const { reports, planned } = planOn(request, deps.newId(), extra, records);
      const byId = new Map(reports.map((entry) => [entry.id, entry.report]));
      const applicable = [...new Set(planned.batchItems.map((item) => item.reportId))];
      // A reply's sample shows each text as it would be sent: the body of its planned mutation.
      const rendered = new Map(
        planned.items.flatMap((item) =>
          item.name === 'response.send' ? [[item.args.reportId, item.args.body] as const] : [],
        ),
      );
      const size = request.action.kind === 'reply' ? REPLY_SAMPLE_SIZE : BULK_SAMPLE_SIZE;
      const sample = applicable.slice(0, size).flatMap((id) => {
        const report = byId.get(id);
        if (report == null) return [];
        const text = rendered.get(id);
        return [
          {
            id,
            trackingId: report.trackingId,
            title: report.title,
            ...(text === undefined ? {} : { rendered: text }),
          },
        ];
      });
      return { applicable, sample, skipped: planned.skipped };
    },

    async runBulk(request, holdMs): Promise<Result<BulkRun, BulkError>> {
      const batchId = deps.newId();
      const extra = await extraInput(request.action);
      const hold = Math.max(0, Math.floor(holdMs));
      // Planned inside the batch's own transaction, on the records it applies to: each report is
      // read once, and nothing can change between the plan and the batch.
      const made: { plan: BulkPlan | null } = { plan: null };
      const result = await deps.write(() =>
        engine.mutatePlanned([...new Set(idsOf(request))], (records) => {
          const { planned } = planOn(request, batchId, extra, records);
          made.plan = planned;
          if (planned.items.length === 0) return err('empty' as const);
          return ok({
            items: planned.items,
            options: {
              holdMs: hold,
              batch: {
                id: batchId,
                action: request.action,
                items: planned.batchItems,
                skipped: planned.skipped,
                compensates: null,
              },
            },
          });
        }),
      );
      if (result === null) return err(failed('The local database failed; nothing was applied'));
      const planned = made.plan;
      if (!result.ok) {
        if ('planned' in result.error || planned === null) {
          return err({
            code: 'bulk/empty',
            message: 'The action applies to none of the selected reports',
          });
        }
        const refused = planned.batchItems[result.error.index];
        return err({
          code: 'bulk/refused',
          message: result.error.error.message,
          ...(refused === undefined ? {} : { reportId: refused.reportId }),
          ...(result.error.error.reasonKey === undefined
            ? {}
            : { reasonKey: result.error.error.reasonKey }),
        });
      }
      if (planned === null) return err(failed('The batch was applied without a plan'));
      return ok({
        batchId,
        count: planned.items.length,
        skipped: planned.skipped,
        holdUntil: hold > 0 ? deps.clock.now() + hold : 0,
      });
    },

    undoBatch(batchId): Promise<Result<BulkUndoResult, BulkError>> {
      // One undo at a time: a second undo of the same batch then finds it undone.
      const next = undoing.then(() => undo(batchId));
      undoing = next.then(
        () => undefined,
        () => undefined,
      );
      return next;
    },

    async batches() {
      return (await engine.listBatches(BATCHES_LISTED)).map(summarizeBatch);
    },
  };

  async function undo(batchId: string): Promise<Result<BulkUndoResult, BulkError>> {
    const withdrawn = await deps.write(() => engine.withdrawBatch(batchId));
    if (withdrawn === null) return err(failed('The local database failed; nothing was undone'));
    if (withdrawn.ok) {
      return ok({ kind: 'withdrawn', at: deps.clock.now(), count: withdrawn.value.count });
    }
    const { code, message } = withdrawn.error;
    if (code !== 'bulk/not-held') return err({ code, message });
    // Already on its way to the server (or there): compensate where the workflow allows.
    // Every record the store keeps (IndexedDB takes no count above 2^32 - 1, so not "all").
    const record = (await engine.listBatches(BATCHES_KEPT)).find((batch) => batch.id === batchId);
    if (record === undefined) {
      return err({ code: 'bulk/not-found', message: `No batch ${batchId} on this device` });
    }
    if (record.undo !== null) {
      return err({ code: 'bulk/already-undone', message: `Batch ${batchId} was undone before` });
    }
    const compensationId = deps.newId();
    const ids = [...new Set(record.items.map((item) => item.reportId))];
    // Planned on the reports as its own transaction reads them, as a bulk action is.
    const made: { plan: ReturnType<typeof planCompensation> | null } = { plan: null };
    const result = await deps.write(() =>
      engine.mutatePlanned(ids, (records) => {
        const current = new Map(
          selectionOf(ids, records).reports.map((entry) => [entry.id, entry.report]),
        );
        const planned = planCompensation(record, current, context(), compensationId, deps.newId);
        made.plan = planned;
        return ok({
          items: planned.items,
          options: {
            batch: {
              id: compensationId,
              action: record.action,
              items: planned.batchItems,
              skipped: [],
              compensates: record.id,
              irreversible: planned.irreversible,
            },
          },
        });
      }),
    );
    if (result === null) return err(failed('The local database failed; nothing was undone'));
    const planned = made.plan;
    if (planned === null) return err(failed('The undo was applied without a plan'));
    if (!result.ok) {
      const refused = 'index' in result.error ? planned.batchItems[result.error.index] : undefined;
      return err({
        code: 'bulk/refused',
        message: 'index' in result.error ? result.error.error.message : 'The undo was declined',
        ...(refused === undefined ? {} : { reportId: refused.reportId }),
      });
    }
    return ok({
      kind: 'compensated',
      at: deps.clock.now(),
      batchId: compensationId,
      irreversible: planned.irreversible,
      count: planned.items.length,
    });
  }
}
