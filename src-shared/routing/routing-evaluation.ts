// How well routing suggestions match decisions the model did not learn from: history split by
// time (learn from the older dispositions, test on the newer ones, as the desk would live it),
// top-1 / top-3 accuracy, and the baseline of always suggesting the most frequent target.

import type { RoutingExample, RoutingTarget } from './routing-examples';
import type { RoutingReport } from './routing-features';
import { suggestRouting, type RoutingModel } from './routing-model';

/** A held-out decision: the report as it was to be disposed, and where it went. */
export interface RoutingCase {
  readonly report: RoutingReport;
  readonly target: RoutingTarget;
}

export interface RoutingEvaluation {
  readonly cases: number;
  /** Share of cases whose first suggestion is the target (agency and unit). */
  readonly top1: number;
  /** Share of cases with the target among the first three suggestions. */
  readonly top3: number;
  /** Share of cases whose first suggestion names the target's agency (whatever the unit). */
  readonly agencyTop1: number;
  /** Mean confidence of the first suggestion: close to `top1` when confidences are honest. */
  readonly meanTop1Confidence: number;
}

/** The oldest `trainShare` of examples (by decision time) to learn from, the rest to test on. */
export function splitByTime<T extends { readonly at: number }>(
  examples: readonly T[],
  trainShare: number,
): { readonly train: T[]; readonly test: T[] } {
  const sorted = [...examples].sort((a, b) => a.at - b.at);
  const cut = Math.round(sorted.length * Math.min(1, Math.max(0, trainShare)));
  return { train: sorted.slice(0, cut), test: sorted.slice(cut) };
}

const sameTarget = (a: RoutingTarget, b: RoutingTarget): boolean =>
  a.agencyId === b.agencyId && a.unitId === b.unitId;

export function evaluateRouting(
  model: RoutingModel,
  cases: readonly RoutingCase[],
): RoutingEvaluation {
  let top1 = 0;
  let top3 = 0;
  let agencyTop1 = 0;
  let confidence = 0;
  for (const { report, target } of cases) {
    const suggestions = suggestRouting(model, report, 3);
    const first = suggestions[0];
    if (first !== undefined) {
      confidence += first.confidence;
      if (sameTarget(first, target)) top1 += 1;
      if (first.agencyId === target.agencyId) agencyTop1 += 1;
    }
    if (suggestions.some((suggestion) => sameTarget(suggestion, target))) top3 += 1;
  }
  const share = (n: number): number => (cases.length === 0 ? 0 : n / cases.length);
  return {
    cases: cases.length,
    top1: share(top1),
    top3: share(top3),
    agencyTop1: share(agencyTop1),
    meanTop1Confidence: share(confidence),
  };
}

/** Top-1 accuracy of always suggesting the target most frequent in `train`. */
export function majorityBaseline(
  train: readonly Pick<RoutingExample, 'target'>[],
  test: readonly { readonly target: RoutingTarget }[],
): number {
  const counts = new Map<string, { target: RoutingTarget; count: number }>();
  for (const { target } of train) {
    const key = `${target.agencyId}\u0000${target.unitId ?? ''}`;
    const entry = counts.get(key);
    if (entry === undefined) counts.set(key, { target, count: 1 });
    else entry.count += 1;
  }
  let majority: { target: RoutingTarget; count: number } | undefined;
  for (const entry of counts.values()) {
    if (majority === undefined || entry.count > majority.count) majority = entry;
  }
  if (majority === undefined || test.length === 0) return 0;
  const best = majority.target;
  return test.filter(({ target }) => sameTarget(target, best)).length / test.length;
}
