// Small hand-made routing histories: reports as the model reads them and examples built from them.
import type {
  RoutingExample,
  RoutingTarget,
} from '../../../../src-shared/routing/routing-examples';
import {
  routingFeatures,
  type RoutingReport,
} from '../../../../src-shared/routing/routing-features';

export interface ReportText {
  readonly title?: string;
  readonly body?: string;
  readonly categoryId?: string | null;
  readonly location?: string;
  readonly regionCode?: string;
}

export function routingReport(text: ReportText): RoutingReport {
  return {
    title: text.title ?? 'Laporan',
    body: text.body ?? '',
    categoryId: text.categoryId ?? null,
    location:
      text.regionCode === undefined
        ? { text: text.location ?? '' }
        : { text: text.location ?? '', regionCode: text.regionCode },
  };
}

let nextId = 0;

export function example(
  agencyId: string,
  unitId: string | null,
  text: ReportText,
  at = 0,
): RoutingExample {
  nextId += 1;
  const target: RoutingTarget = { agencyId, unitId };
  return {
    reportId: `r${String(nextId)}`,
    target,
    at,
    features: routingFeatures(routingReport(text)),
  };
}

/** `count` copies of an example (past decisions repeat). */
export function times(count: number, make: (i: number) => RoutingExample): RoutingExample[] {
  return Array.from({ length: count }, (_, i) => make(i));
}
