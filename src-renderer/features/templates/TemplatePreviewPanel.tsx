// The preview beside the editor: which report it renders against (search by number or title, or
// the report open in the inbox) and the rendered text, each empty placeholder marked in place and
// listed with where the template writes it.
import { useEffect, useState } from 'react';
import type { TemplateKind } from '../../../src-shared/domain/template';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import type {
  TemplateSnippets,
  TemplateVariableUse,
} from '../../../src-shared/domain/templating/template-render';
import { useT } from '../../i18n/i18n';
import { useInboxStore } from '../inbox/inbox-store';
import { missingVariableText } from './template-labels';
import { useTemplateLibraryStore } from './template-library-store';
import { useTemplatePreview, type TemplatePreview } from './template-preview';
import { findPreviewReports } from './preview-report-search';

function PreviewReportPicker({ chosen }: { chosen: { trackingId: string; title: string } | null }) {
  const t = useT();
  const service = useTemplateLibraryStore((s) => s.service);
  const previewReportId = useTemplateLibraryStore((s) => s.previewReportId);
  const setPreviewReport = useTemplateLibraryStore((s) => s.setPreviewReport);
  const openId = useInboxStore((s) => s.selectedId);
  const openDetail = useInboxStore((s) => s.detail);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ search: string; rows: readonly ReportListRow[] } | null>(
    null,
  );

  useEffect(() => {
    if (service === null || search.trim() === '') return;
    let current = true;
    void findPreviewReports(service, search).then((rows) => {
      if (current) setFound({ search, rows });
    });
    return () => {
      current = false;
    };
  }, [service, search]);
  const results = search.trim() !== '' && found?.search === search ? found.rows : null;
  const openTracking =
    openDetail !== null && openDetail.report.id === openId
      ? openDetail.report.trackingId
      : undefined;

  return (
    <div className="template-preview__report">
      {previewReportId === null ? (
        <p className="form__hint">{t('templates.preview.noReport')}</p>
      ) : (
        chosen !== null && (
          <p className="template-preview__chosen" data-testid="preview-report">
            {t('templates.preview.chosen', { trackingId: chosen.trackingId, title: chosen.title })}
          </p>
        )
      )}
      {openId !== null && openId !== previewReportId && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setPreviewReport(openId);
          }}
        >
          {openTracking === undefined
            ? t('templates.preview.useOpenUnknown')
            : t('templates.preview.useOpen', { trackingId: openTracking })}
        </button>
      )}
      <label className="form__field">
        <span>{t('templates.preview.searchLabel')}</span>
        <input
          type="search"
          value={search}
          placeholder={t('templates.preview.search')}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
      </label>
      {results !== null &&
        (results.length === 0 ? (
          <p className="form__hint">{t('templates.preview.noResults')}</p>
        ) : (
          <ul className="template-preview__results" aria-label={t('templates.preview.report')}>
            {results.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className="button button--link"
                  data-report-id={row.id}
                  onClick={() => {
                    setPreviewReport(row.id);
                    setSearch('');
                  }}
                >
                  #{row.trackingId} · {row.title}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

function placeKey(use: TemplateVariableUse): string {
  return `${use.snippet ?? ''}:${String(use.line)}:${String(use.column)}`;
}

/** A placeholder inside {{#each}} is missing once per item: listed once. */
function uniqueUses(uses: readonly TemplateVariableUse[]): TemplateVariableUse[] {
  const seen = new Map<string, TemplateVariableUse>();
  for (const use of uses) if (!seen.has(placeKey(use))) seen.set(placeKey(use), use);
  return [...seen.values()];
}

function PreviewText({ preview }: { preview: TemplatePreview }) {
  const t = useT();
  switch (preview.status) {
    case 'no-report':
      return null;
    case 'loading':
      return (
        <p className="form__hint" role="status" aria-busy="true">
          {t('templates.preview.loading')}
        </p>
      );
    case 'report-missing':
      return <p className="form__hint">{t('templates.preview.reportMissing')}</p>;
    case 'error':
      return <p className="form__hint">{t('templates.preview.unavailable')}</p>;
    case 'ready': {
      const missing = uniqueUses(preview.missing);
      const isEmpty = preview.parts.every((part) => part.kind === 'text' && part.text === '');
      return (
        <>
          <div className="template-preview__text" data-testid="template-preview">
            {isEmpty ? (
              <span className="form__hint">{t('templates.preview.empty')}</span>
            ) : (
              preview.parts.map((part, i) =>
                part.kind === 'text' ? (
                  <span key={i}>{part.text}</span>
                ) : (
                  <mark
                    key={i}
                    className="template-preview__missing"
                    data-variable={part.variable}
                    title={missingVariableText(t, part)}
                  >
                    {`{{${part.variable}}}`}
                  </mark>
                ),
              )
            )}
          </div>
          {missing.length === 0 ? (
            <p className="form__hint">{t('templates.preview.complete')}</p>
          ) : (
            <div className="template-preview__missing-list">
              <h4 id="template-preview-missing">{t('templates.preview.missing')}</h4>
              <ul aria-labelledby="template-preview-missing" data-testid="preview-missing">
                {missing.map((use) => (
                  <li key={placeKey(use)} data-variable={use.variable}>
                    {missingVariableText(t, use)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      );
    }
  }
}

export function TemplatePreviewPanel({
  body,
  snippets,
  kind,
}: {
  body: string;
  snippets: TemplateSnippets;
  kind: TemplateKind;
}) {
  const t = useT();
  const preview = useTemplatePreview(body, snippets, kind);
  const chosen = preview.status === 'ready' || preview.status === 'error' ? preview.report : null;
  return (
    <section className="template-preview" aria-labelledby="template-preview-title">
      <h3 id="template-preview-title">{t('templates.preview')}</h3>
      <PreviewReportPicker chosen={chosen} />
      <PreviewText preview={preview} />
    </section>
  );
}
