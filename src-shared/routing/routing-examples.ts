// Training examples for the routing model from a desk's history: for each report, the latest
// disposition made from the operator's agency or below it is the decision to learn from.

import type { Disposition } from '../domain/disposition';
import { subtreeIds, type ParentTree } from '../domain/parent-tree';
import type { Report } from '../domain/report';
import { routingFeatures, type RoutingFeatures, type RoutingReport } from './routing-features';

/** Where a report was disposed to. */
export interface RoutingTarget {
  readonly agencyId: string;
  readonly unitId: string | null;
}

/** One past decision: the report as the model sees it, and where it went. */
export interface RoutingExample {
  readonly reportId: string;
  readonly target: RoutingTarget;
  /** When the disposition was made, for splitting history by time. */
  readonly at: number;
  readonly features: RoutingFeatures;
}

/** The fields of a disposition the history reads. */
export type HistoryDisposition = Pick<
  Disposition,
  'reportId' | 'fromAgencyId' | 'toAgencyId' | 'toUnitId' | 'at'
>;

export interface RoutingHistory {
  /** The operator's agency: dispositions made from it or from its subtree are learned from. */
  readonly agencyId: string;
  readonly agencies: ParentTree;
  readonly reports: Iterable<RoutingReport & Pick<Report, 'id' | 'status' | 'agencyId'>>;
  readonly dispositions: Iterable<HistoryDisposition>;
}

/**
 * One example per report that has a disposition from the desk's subtree, oldest decision first.
 * A report whose latest such target returned it as not within authority (bukan wewenang) and
 * still holds it is left out: that target was the wrong one, not a decision to repeat.
 */
export function examplesFromHistory(history: RoutingHistory): RoutingExample[] {
  const desk = new Set(subtreeIds(history.agencies, history.agencyId));
  const latest = new Map<string, HistoryDisposition>();
  for (const disposition of history.dispositions) {
    if (!desk.has(disposition.fromAgencyId)) continue;
    const known = latest.get(disposition.reportId);
    if (known === undefined || disposition.at >= known.at) {
      latest.set(disposition.reportId, disposition);
    }
  }
  const examples: RoutingExample[] = [];
  for (const report of history.reports) {
    const disposition = latest.get(report.id);
    if (disposition === undefined) continue;
    const isDeclined =
      report.status === 'not_authority' && report.agencyId === disposition.toAgencyId;
    if (isDeclined) continue;
    examples.push({
      reportId: report.id,
      target: { agencyId: disposition.toAgencyId, unitId: disposition.toUnitId },
      at: disposition.at,
      features: routingFeatures(report),
    });
  }
  return examples.sort((a, b) => a.at - b.at || compareStrings(a.reportId, b.reportId));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
