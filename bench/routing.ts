// Routing suggestion accuracy on the synthetic province (issue 6): the demo generator's reports and
// dispositions, in memory (no database), learned from as the province coordinator's desk. The
// oldest 80% of decisions train the model; the newest 20% are held out and predicted.
//
// How the generator routes, and so what can be learned: a category names a service; the report's
// region is drawn among those with an office for that service, and its place among the region's
// villages (the province's own offices, education and labour, take reports from anywhere in the
// province, so location only makes them likelier); the region's admin (or, for 10% of regency
// reports, the province coordinator) disposes to such an office, and to one of its units chosen
// at random (70%) or to none. 5% go first to a wrong office and are re-disposed; the label is the
// latest disposition. A unit drawn at random cannot be predicted from the report, so exact
// (agency + unit) top-1 accuracy has a ceiling far below 100%: `routing_unit_oracle` is that
// ceiling (the right office told, its most frequent unit guessed), and
// `routing_agency_top1_accuracy` how often the first suggestion names the right office.
//
// Runs inside `npm run bench`, or alone: `npx tsx bench/routing.ts [--quick]`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { indonesianHolidays } from '../src-shared/domain/holidays-id';
import type { Disposition } from '../src-shared/domain/disposition';
import type { Report } from '../src-shared/domain/report';
import { createSlaCalendar } from '../src-shared/domain/sla-calendar';
import { examplesFromHistory, type RoutingExample } from '../src-shared/routing/routing-examples';
import {
  evaluateRouting,
  majorityBaseline,
  splitByTime,
  type RoutingCase,
} from '../src-shared/routing/routing-evaluation';
import { suggestRouting, trainRoutingModel } from '../src-shared/routing/routing-model';
import { DEMO_ROOT_ID, demoAgencies } from '../src-server/seed/demo-directory';
import { createReportGenerator, demoWorld } from '../src-server/seed/generator';

export type RecordFigure = (key: string, value: number, unit: string, name: string) => void;

export interface SyntheticHistory {
  readonly reports: ReadonlyMap<string, Report>;
  readonly dispositions: readonly Disposition[];
}

/** `count` synthetic reports of the demo province and their dispositions, in memory. */
export function generateHistory(count: number, seedValue: number, now: number): SyntheticHistory {
  const world = demoWorld(createSlaCalendar(indonesianHolidays));
  const generator = createReportGenerator(world, { seedValue, now });
  const reports = new Map<string, Report>();
  const dispositions: Disposition[] = [];
  for (let index = 0; index < count; index++) {
    const generated = generator.next(index, String(1_000_000 + index));
    reports.set(generated.report.id, generated.report);
    dispositions.push(...generated.dispositions);
  }
  return { reports, dispositions };
}

/** The province coordinator desk's examples, oldest decision first. */
export function coordinatorExamples(history: SyntheticHistory): RoutingExample[] {
  return examplesFromHistory({
    agencyId: DEMO_ROOT_ID,
    agencies: new Map(demoAgencies().map((agency) => [agency.id, agency] as const)),
    reports: history.reports.values(),
    dispositions: history.dispositions,
  });
}

function casesOf(
  examples: readonly RoutingExample[],
  reports: ReadonlyMap<string, Report>,
  hideCategory: boolean,
): RoutingCase[] {
  return examples.flatMap((example) => {
    const report = reports.get(example.reportId);
    if (report === undefined) return [];
    return [
      {
        report: hideCategory ? { ...report, categoryId: null } : report,
        target: example.target,
      },
    ];
  });
}

/**
 * The ceiling the random units leave: an oracle told the right office, answering with that
 * office's most frequent unit choice in training (or none).
 */
function unitOracle(train: readonly RoutingExample[], test: readonly RoutingExample[]): number {
  const counts = new Map<string, Map<string | null, number>>();
  for (const { target } of train) {
    const units = counts.get(target.agencyId) ?? new Map<string | null, number>();
    units.set(target.unitId, (units.get(target.unitId) ?? 0) + 1);
    counts.set(target.agencyId, units);
  }
  let right = 0;
  for (const { target } of test) {
    let best: string | null = null;
    let bestCount = -1;
    for (const [unit, count] of counts.get(target.agencyId) ?? []) {
      if (count > bestCount) {
        best = unit;
        bestCount = count;
      }
    }
    if (bestCount >= 0 && best === target.unitId) right += 1;
  }
  return test.length === 0 ? 0 : right / test.length;
}

const percent = (share: number): number => share * 100;

export function benchRouting(
  record: RecordFigure,
  options: { readonly quick: boolean; readonly now: number; readonly seedValue: number },
): void {
  const count = options.quick ? 10_000 : 30_000;
  const history = generateHistory(count, options.seedValue, options.now);

  const examplesStarted = performance.now();
  const examples = coordinatorExamples(history);
  const examplesMs = performance.now() - examplesStarted;
  const { train, test } = splitByTime(examples, 0.8);

  const trainStarted = performance.now();
  const model = trainRoutingModel(train);
  const trainMs = performance.now() - trainStarted;

  const cases = casesOf(test, history.reports, false);
  const evaluation = evaluateRouting(model, cases);
  // Reports often arrive without a category (the admin sets it while verifying): the same cases
  // with the category removed show what words and location alone achieve.
  const withoutCategory = evaluateRouting(model, casesOf(test, history.reports, true));

  const predictStarted = performance.now();
  for (const { report } of cases) suggestRouting(model, report, 3);
  const suggestMs = (performance.now() - predictStarted) / Math.max(1, cases.length);

  const size = `${String(train.length)} train / ${String(test.length)} held out`;
  record('routing_top1_accuracy', percent(evaluation.top1), '%', `routing: top-1 (${size})`);
  record('routing_top3_accuracy', percent(evaluation.top3), '%', 'routing: top-3');
  record(
    'routing_majority_baseline',
    percent(majorityBaseline(train, test)),
    '%',
    'routing: majority-class baseline (top-1)',
  );
  record(
    'routing_unit_oracle',
    percent(unitOracle(train, test)),
    '%',
    'routing: ceiling, office known, likeliest unit (top-1)',
  );
  record(
    'routing_agency_top1_accuracy',
    percent(evaluation.agencyTop1),
    '%',
    'routing: top-1 office right (any unit)',
  );
  record(
    'routing_top1_accuracy_no_category',
    percent(withoutCategory.top1),
    '%',
    'routing: top-1, category not set',
  );
  record(
    'routing_agency_top1_accuracy_no_category',
    percent(withoutCategory.agencyTop1),
    '%',
    'routing: top-1 office right, category not set',
  );
  record(
    'routing_mean_top1_confidence',
    percent(evaluation.meanTop1Confidence),
    '%',
    'routing: mean confidence of the first suggestion',
  );
  record(
    'routing_examples_ms',
    examplesMs,
    'ms',
    `routing: read ${String(history.reports.size)} reports into ${String(examples.length)} examples`,
  );
  record('routing_train_ms', trainMs, 'ms', `routing: train on ${String(train.length)} examples`);
  record('routing_suggest_ms', suggestMs, 'ms', 'routing: one suggestion (mean)');
}

/** "Today" as bench/run.ts has it: Monday 24 November 2025, 10:00 WIB. */
const STANDALONE_NOW = Date.UTC(2025, 10, 24, 3, 0, 0);

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  benchRouting(
    (_key, value, unit, name) => {
      console.log(`  ${name}: ${String(Math.round(value * 100) / 100)} ${unit}`);
    },
    { quick: process.argv.includes('--quick'), now: STANDALONE_NOW, seedValue: 1 },
  );
}
