// Template rendering speed (issue 7, `template_render_p95_ms`, target ≤ 1 ms): a typical default
// template — "Tindak lanjut: laporan sedang diproses", with the greeting and closing snippets
// (nested: the closing includes the signature), conditionals, and a loop over the dispositions —
// rendered against the contexts of varied synthetic reports (the demo generator's: named and
// anonymous reporters, rahasia, units or none, zero to several dispositions, three time zones).
// The generator re-disposes only 5% of reports, so every third report gets two more (synthetic)
// redispositions: the loop then prints three lines for a third of the renders.
// Each render is timed alone after a warm-up; the composer re-renders on every key, so the figure
// is the steady state: the template and its snippets parse once (template-render.ts caches them).
// Also timed: the same render with `parts` (the composer's preview with holes), a render of a
// source never seen before (parsing included: the first render of an edited template), and
// building a context (bulk reply builds one per report).
//
// Runs inside `npm run bench`, or alone: `npx tsx bench/templating.ts [--quick]`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Agency } from '../src-shared/domain/agency';
import type { Disposition } from '../src-shared/domain/disposition';
import { indonesianHolidays } from '../src-shared/domain/holidays-id';
import { createSlaCalendar } from '../src-shared/domain/sla-calendar';
import type { User } from '../src-shared/domain/user';
import {
  buildTemplateContext,
  snippetsOf,
} from '../src-shared/domain/templating/template-context-build';
import type { TemplateContext } from '../src-shared/domain/templating/template-context';
import { render, type RenderOptions } from '../src-shared/domain/templating/template-render';
import { demoCategories } from '../src-server/seed/demo-categories';
import { demoAgencies, demoUsers } from '../src-server/seed/demo-directory';
import { loadDefaultTemplates } from '../src-server/seed/default-templates';
import { generateHistory, type RecordFigure } from './routing';

/** The benchmark target of issue 7. */
export const TEMPLATE_RENDER_TARGET_P95_MS = 1;
/** The default template rendered: snippets, conditionals and the dispositions loop. */
const TYPICAL_TEMPLATE_ID = 'tpl-tindak-lanjut-diproses';

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

interface Case {
  readonly context: TemplateContext;
  readonly options: RenderOptions;
}

/** Times `iterations` renders, cycling through the cases, after `warmUp` untimed ones. */
function timeRenders(
  body: string,
  cases: readonly Case[],
  iterations: number,
  warmUp: number,
  extra: Partial<RenderOptions> = {},
): number[] {
  const samples: number[] = [];
  let characters = 0;
  for (let i = 0; i < warmUp + iterations; i++) {
    const { context, options } = cases[i % cases.length] as Case;
    const started = performance.now();
    const result = render(body, context, { ...options, ...extra });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`render failed: ${result.error.message}`);
    // Keeps the result alive so the work cannot be optimised away.
    characters += result.value.text.length;
    if (i >= warmUp) samples.push(elapsed);
  }
  if (characters === 0) throw new Error('rendered nothing');
  return samples;
}

export async function benchTemplating(
  record: RecordFigure,
  options: { readonly quick: boolean; readonly now: number; readonly seedValue: number },
): Promise<void> {
  const templates = await loadDefaultTemplates();
  const template = templates.find((item) => item.id === TYPICAL_TEMPLATE_ID);
  if (template === undefined) throw new Error(`${TYPICAL_TEMPLATE_ID} is not a default template`);
  const snippets = snippetsOf(templates, 'bench');

  const history = generateHistory(options.quick ? 200 : 500, options.seedValue, options.now);
  const agencies = new Map<string, Agency>(
    demoAgencies().map((agency) => [agency.id, { ...agency, version: 1 }]),
  );
  const categories = new Map(demoCategories().map((category) => [category.id, category]));
  const userList: User[] = demoUsers().map(({ id, username, displayName, role, agencyId }) => ({
    id,
    username,
    displayName,
    role,
    agencyId,
  }));
  const users = new Map(userList.map((user) => [user.id, user]));
  const dispositionsByReport = new Map<string, Disposition[]>();
  for (const disposition of history.dispositions) {
    const list = dispositionsByReport.get(disposition.reportId) ?? [];
    list.push(disposition);
    dispositionsByReport.set(disposition.reportId, list);
  }
  const calendar = createSlaCalendar(indonesianHolidays);

  const reports = [...history.reports.values()];
  const offices = [...agencies.values()].filter((agency) => agency.level === 'opd');
  reports.forEach((report, index) => {
    const list = dispositionsByReport.get(report.id);
    const last = list?.[list.length - 1];
    if (index % 3 !== 0 || list === undefined || last === undefined) return;
    for (const step of [1, 2]) {
      const target = offices[(index + step) % offices.length];
      if (target === undefined) continue;
      list.push({
        ...last,
        id: `${last.id}-bench-${String(step)}`,
        kind: 'redispose',
        fromAgencyId: last.toAgencyId,
        toAgencyId: target.id,
        toUnitId: null,
        at: last.at + step * 3_600_000,
      });
    }
  });
  const buildStarted = performance.now();
  const cases: Case[] = reports.map((report, index) => ({
    context: buildTemplateContext({
      report,
      dispositions: dispositionsByReport.get(report.id) ?? [],
      agencies,
      categories,
      users,
      officerId: userList[index % userList.length]?.id ?? '',
      now: options.now,
      calendar,
      kind: template.kind,
    }),
    options: { timeZone: report.timeZone, snippets },
  }));
  const buildMs = (performance.now() - buildStarted) / Math.max(1, cases.length);

  const iterations = options.quick ? 5_000 : 20_000;
  const warmUp = options.quick ? 1_000 : 2_000;
  const plain = timeRenders(template.body, cases, iterations, warmUp);
  const withParts = timeRenders(template.body, cases, iterations, warmUp, { parts: true });
  // A new source each time (a trailing space more): parsed, then rendered. The snippets stay.
  const uncachedCount = options.quick ? 500 : 2_000;
  const uncached: number[] = [];
  for (let i = 0; i < uncachedCount; i++) {
    const source = template.body + ' '.repeat(i + 1);
    const { context, options: renderOptions } = cases[i % cases.length] as Case;
    const started = performance.now();
    const result = render(source, context, renderOptions);
    uncached.push(performance.now() - started);
    if (!result.ok) throw new Error(`render failed: ${result.error.message}`);
  }

  const p95 = percentile(plain, 95);
  const verdict = p95 <= TEMPLATE_RENDER_TARGET_P95_MS ? 'met' : 'MISSED';
  const withDispositions = cases.filter((item) => item.context.disposisi.length > 1).length;
  const anonymous = cases.filter((item) => item.context.laporan.anonim).length;
  record(
    'template_render_p95_ms',
    p95,
    'ms',
    `templating: render p95 (target ≤ ${String(TEMPLATE_RENDER_TARGET_P95_MS)} ms: ${verdict}; ` +
      `${String(iterations)} renders of ${String(cases.length)} reports: ` +
      `${String(withDispositions)} with 2+ dispositions, ${String(anonymous)} anonymous)`,
  );
  record('template_render_p50_ms', percentile(plain, 50), 'ms', 'templating: render p50');
  record(
    'template_render_parts_p95_ms',
    percentile(withParts, 95),
    'ms',
    'templating: render with parts (composer preview) p95',
  );
  record(
    'template_render_uncached_p95_ms',
    percentile(uncached, 95),
    'ms',
    'templating: first render of a new source (parse included) p95',
  );
  record('template_context_build_ms', buildMs, 'ms', 'templating: build one context (mean)');
}

/** "Today" as bench/run.ts has it: Monday 24 November 2025, 10:00 WIB. */
const STANDALONE_NOW = Date.UTC(2025, 10, 24, 3, 0, 0);

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  benchTemplating(
    (_key, value, unit, name) => {
      console.log(`  ${name}: ${String(Math.round(value * 1000) / 1000)} ${unit}`);
    },
    { quick: process.argv.includes('--quick'), now: STANDALONE_NOW, seedValue: 1 },
  ).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
