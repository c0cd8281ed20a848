import { describe, expect, it } from 'vitest';
import type { BatchRecord, BulkAction } from '../../../../src-shared/bulk/bulk-action';
import { summarizeBatch } from '../../../../src-shared/bulk/batch-summary';
import { planBulk } from '../../../../src-shared/bulk/bulk-plan';
import { NOW, batchOf, ctxFor, adminBandung, idSource, reportIn, selection } from './bulk-fixtures';

const action: BulkAction = { kind: 'tunda', messageToReporter: 'Lengkapi alamat' };

function batchWith(outcomes: BatchRecord['outcomes']): BatchRecord {
  const reports = [1, 2, 3, 4, 5].map((n) => reportIn('unverified', n));
  const plan = planBulk(
    { action, batchId: 'batch-1', reports: selection([...reports, reportIn('disposed', 6)]) },
    ctxFor(adminBandung),
    idSource(),
  );
  return { ...batchOf(action, plan, outcomes), holdUntil: NOW + 10_000 };
}

describe('summarizeBatch', () => {
  it('sorts the batch’s reports by the server’s answer, unanswered ones pending, in batch order', () => {
    const record = batchWith({
      'r-4': 'applied',
      'r-1': 'applied',
      'r-2': 'superseded',
      'r-5': 'rejected',
    });
    const summary = summarizeBatch(record);
    expect(summary).toEqual({
      id: 'batch-1',
      action,
      createdAt: NOW,
      holdUntil: NOW + 10_000,
      total: 5,
      pending: ['r-3'],
      applied: ['r-1', 'r-4'],
      superseded: ['r-2'],
      rejected: ['r-5'],
      skipped: record.skipped,
      undo: null,
      compensates: null,
    });
    expect(summary.skipped.map((s) => s.reportId)).toEqual(['r-6']);
  });

  it('counts every report as pending before any answer, and ignores answers for other reports', () => {
    const summary = summarizeBatch(batchWith({ 'r-99': 'applied' }));
    expect(summary.pending).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5']);
    expect(summary.applied).toEqual([]);
  });

  it('carries the undo and what the batch compensates', () => {
    const undo = { kind: 'withdrawn', at: NOW + 5 } as const;
    const summary = summarizeBatch({ ...batchWith({}), undo, compensates: 'batch-0' });
    expect(summary.undo).toEqual(undo);
    expect(summary.compensates).toBe('batch-0');
  });

  it('leaves nothing pending in a batch withdrawn before it was sent', () => {
    const withdrawn = { kind: 'withdrawn', at: NOW + 5 } as const;
    const summary = summarizeBatch({ ...batchWith({}), undo: withdrawn });
    expect(summary.pending).toEqual([]);
    expect(summary.total).toBe(5);
  });
});
