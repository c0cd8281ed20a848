// The editor's live preview: the draft rendered against one chosen report exactly as the reply
// would be (the shared context builder, the user's snippets, the report's time zone), re-rendered
// a moment after typing stops, with every placeholder that stays empty marked.
import { useEffect, useMemo, useState } from 'react';
import type { TemplateKind } from '../../../src-shared/domain/template';
import type { TemplateContext } from '../../../src-shared/domain/templating/template-context';
import { buildTemplateContext } from '../../../src-shared/domain/templating/template-context-build';
import {
  render,
  type RenderedPart,
  type TemplateSnippets,
  type TemplateVariableUse,
} from '../../../src-shared/domain/templating/template-render';
import type { TemplateError } from '../../../src-shared/domain/templating/template-syntax';
import type { TimeZone } from '../../../src-shared/domain/time-zone';
import type { ReferenceData, ReportDetail } from '../../sync/inbox-service';
import { referenceMaps } from '../inbox/reference-maps';
import { slaCalendar } from '../inbox/sla-outlook';
import { useTemplateLibraryStore } from './template-library-store';

/** How long typing may pause before the preview renders again. */
export const PREVIEW_DEBOUNCE_MS = 100;

export type TemplatePreview =
  | { readonly status: 'no-report' }
  | { readonly status: 'loading' }
  | { readonly status: 'report-missing' }
  | {
      readonly status: 'error';
      readonly report: ReportDetail['report'];
      readonly error: TemplateError;
    }
  | {
      readonly status: 'ready';
      readonly report: ReportDetail['report'];
      readonly parts: readonly RenderedPart[];
      readonly missing: readonly TemplateVariableUse[];
    };

/** The body rendered for the preview: its text cut at each empty placeholder. */
export function renderPreview(
  body: string,
  context: TemplateContext,
  snippets: TemplateSnippets,
  timeZone: TimeZone,
):
  | { ok: true; parts: readonly RenderedPart[]; missing: readonly TemplateVariableUse[] }
  | {
      ok: false;
      error: TemplateError;
    } {
  const result = render(body, context, { snippets, timeZone, parts: true });
  if (!result.ok) return { ok: false, error: result.error };
  const parts = result.value.parts ?? [{ kind: 'text' as const, text: result.value.text }];
  return { ok: true, parts, missing: result.value.missing };
}

/**
 * One report's context as every renderer-side rendering uses it (this preview, the reply
 * composer): the shared builder over the detail and reference data, with the national working-day
 * calendar the deadline badges use. The kind decides which deadline `batas_waktu` names.
 */
export function reportTemplateContext(
  detail: Pick<ReportDetail, 'report' | 'dispositions'>,
  reference: ReferenceData | null,
  officerId: string,
  now: number,
  kind: TemplateKind | null,
): TemplateContext {
  const maps = referenceMaps(reference);
  return buildTemplateContext({
    report: detail.report,
    dispositions: detail.dispositions,
    agencies: maps.agencies,
    categories: maps.categories,
    users: maps.users,
    officerId,
    now,
    calendar: slaCalendar(),
    kind,
  });
}

/** `value`, once it has stayed the same for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return settled;
}

/** The chosen report's detail from local data; reloaded when the report changes. */
function usePreviewReport(): { id: string | null; detail: ReportDetail | null | undefined } {
  const service = useTemplateLibraryStore((s) => s.service);
  const id = useTemplateLibraryStore((s) => s.previewReportId);
  // `undefined` while loading; `null` when the local data has no such report.
  const [loaded, setLoaded] = useState<{ id: string; detail: ReportDetail | null } | null>(null);
  useEffect(() => {
    if (service === null || id === null) return;
    let current = true;
    void service.report(id).then((detail) => {
      if (current) setLoaded({ id, detail });
    });
    return () => {
      current = false;
    };
  }, [service, id]);
  return { id, detail: loaded !== null && loaded.id === id ? loaded.detail : undefined };
}

export function useTemplatePreview(
  body: string,
  snippets: TemplateSnippets,
  kind: TemplateKind,
): TemplatePreview {
  const reference = useTemplateLibraryStore((s) => s.reference);
  const user = useTemplateLibraryStore((s) => s.user);
  const now = useTemplateLibraryStore((s) => s.deps.now);
  const { id, detail } = usePreviewReport();
  const settledBody = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);

  const context = useMemo(() => {
    if (detail === null || detail === undefined || user === null) return null;
    return reportTemplateContext(detail, reference, user.id, now(), kind);
  }, [detail, reference, user, now, kind]);

  return useMemo((): TemplatePreview => {
    if (id === null) return { status: 'no-report' };
    if (detail === undefined) return { status: 'loading' };
    if (detail === null || context === null) return { status: 'report-missing' };
    const rendered = renderPreview(settledBody, context, snippets, detail.report.timeZone);
    if (!rendered.ok) return { status: 'error', report: detail.report, error: rendered.error };
    return {
      status: 'ready',
      report: detail.report,
      parts: rendered.parts,
      missing: rendered.missing,
    };
  }, [id, detail, context, settledBody, snippets]);
}
