// The routing model on the synthetic province (the demo generator, in memory): learned from the
// older 80% of the coordinator desk's decisions, measured on the newer 20%. The same procedure as
// bench/routing.ts, on fewer reports.
import { describe, expect, it } from 'vitest';
import { indonesianHolidays } from '../../../../src-shared/domain/holidays-id';
import type { Disposition } from '../../../../src-shared/domain/disposition';
import type { Report } from '../../../../src-shared/domain/report';
import { createSlaCalendar } from '../../../../src-shared/domain/sla-calendar';
import { examplesFromHistory } from '../../../../src-shared/routing/routing-examples';
import {
  evaluateRouting,
  majorityBaseline,
  splitByTime,
} from '../../../../src-shared/routing/routing-evaluation';
import { trainRoutingModel } from '../../../../src-shared/routing/routing-model';
import { DEMO_ROOT_ID, demoAgencies } from '../../../../src-server/seed/demo-directory';
import { createReportGenerator, demoWorld } from '../../../../src-server/seed/generator';

const NOW = Date.UTC(2025, 10, 24, 3, 0, 0);

function syntheticHistory(count: number) {
  const generator = createReportGenerator(demoWorld(createSlaCalendar(indonesianHolidays)), {
    seedValue: 7,
    now: NOW,
  });
  const reports = new Map<string, Report>();
  const dispositions: Disposition[] = [];
  for (let index = 0; index < count; index++) {
    const generated = generator.next(index, String(500_000 + index));
    reports.set(generated.report.id, generated.report);
    dispositions.push(...generated.dispositions);
  }
  const examples = examplesFromHistory({
    agencyId: DEMO_ROOT_ID,
    agencies: new Map(demoAgencies().map((agency) => [agency.id, agency] as const)),
    reports: reports.values(),
    dispositions,
  });
  return { reports, examples };
}

describe('routing on the synthetic province', () => {
  it('beats always suggesting the most frequent target by a clear margin on held-out reports', () => {
    const { reports, examples } = syntheticHistory(3_000);
    const { train, test } = splitByTime(examples, 0.8);
    expect(test.length).toBeGreaterThan(300);
    expect(Math.max(...train.map((e) => e.at))).toBeLessThanOrEqual(
      Math.min(...test.map((e) => e.at)),
    );

    const model = trainRoutingModel(train);
    const cases = test.flatMap((e) => {
      const report = reports.get(e.reportId);
      return report === undefined ? [] : [{ report, target: e.target }];
    });
    const evaluation = evaluateRouting(model, cases);
    const baseline = majorityBaseline(train, test);

    expect(evaluation.cases).toBe(test.length);
    expect(evaluation.top1).toBeGreaterThan(baseline + 0.2);
    expect(evaluation.top3).toBeGreaterThanOrEqual(evaluation.top1);
    // Units are drawn at random by the generator, offices are not: the office is mostly right.
    expect(evaluation.agencyTop1).toBeGreaterThan(0.8);
    expect(evaluation.agencyTop1).toBeGreaterThanOrEqual(evaluation.top1);
  });
});
