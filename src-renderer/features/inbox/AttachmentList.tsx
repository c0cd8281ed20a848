// A report's attachments with a download button each: the file comes from the sync worker (its
// cache, or the server when online), is handed to the host's save flow (files:save), and the row
// says whether a copy is kept for offline reading or why the file could not be had.
import { useRef, useState } from 'react';
import type { Attachment } from '../../../src-shared/domain/report';
import { useT, type MessageKey } from '../../i18n/i18n';
import type { AttachmentError } from '../../sync/inbox-service';
import { formatBytes } from './inbox-format';
import { useInboxStore } from './inbox-store';
import { saveAttachmentWithBridge, type SaveAttachment } from './save-attachment';

type RowState =
  | { readonly kind: 'downloading' }
  | { readonly kind: 'saved'; readonly cached: boolean }
  | { readonly kind: 'error'; readonly code: AttachmentError['code'] }
  /** Downloaded (and maybe cached) but the host could not write it. */
  | { readonly kind: 'save-failed'; readonly cached: boolean; readonly message: string };

const errorKeys = {
  'attachment/offline': 'attachment.error.offline',
  'attachment/not-found': 'attachment.error.notFound',
  'attachment/failed': 'attachment.error.failed',
} as const satisfies Record<AttachmentError['code'], MessageKey>;

export interface AttachmentListProps {
  readonly reportId: string;
  readonly attachments: readonly Attachment[];
  /** Saves the downloaded file (default: through the app's bridge). */
  readonly save?: SaveAttachment;
}

export function AttachmentList({
  reportId,
  attachments,
  save = saveAttachmentWithBridge,
}: AttachmentListProps) {
  const t = useT();
  const service = useInboxStore((s) => s.service);
  const [rows, setRows] = useState<Readonly<Record<string, RowState>>>({});
  // The pane keys this list by report, so its state never mixes two reports. A file asked for
  // is still saved when the operator has moved on meanwhile: they asked for it.
  const busy = useRef(new Set<string>());

  if (attachments.length === 0) {
    return <p className="detail__muted">{t('detail.noAttachments')}</p>;
  }

  const setRow = (id: string, state: RowState) => {
    setRows((current) => ({ ...current, [id]: state }));
  };

  async function download(attachment: Attachment): Promise<void> {
    if (service === null || busy.current.has(attachment.id)) return;
    // Busy until the file is saved: a second press meanwhile would fetch it again.
    busy.current.add(attachment.id);
    setRow(attachment.id, { kind: 'downloading' });
    try {
      setRow(attachment.id, await fetchAndSave(service, attachment));
    } finally {
      busy.current.delete(attachment.id);
    }
  }

  async function fetchAndSave(
    inbox: NonNullable<typeof service>,
    attachment: Attachment,
  ): Promise<RowState> {
    let result: Awaited<ReturnType<typeof inbox.attachment>>;
    try {
      result = await inbox.attachment(reportId, attachment.id);
    } catch (error) {
      // The worker went away: its own problem banner explains; this row just failed.
      result = { ok: false, error: { code: 'attachment/failed', message: String(error) } };
    }
    if (!result.ok) return { kind: 'error', code: result.error.code };
    const file = result.value;
    let saved: Awaited<ReturnType<SaveAttachment>>;
    try {
      saved = await save(file);
    } catch (error) {
      saved = { ok: false, error: { code: 'files/failed', message: String(error) } };
    }
    return saved.ok
      ? { kind: 'saved', cached: file.cached }
      : { kind: 'save-failed', cached: file.cached, message: saved.error.message };
  }

  return (
    <ul className="attachment-list">
      {attachments.map((a) => {
        const state = rows[a.id];
        const isBusy = state?.kind === 'downloading';
        return (
          <li key={a.id} className="attachment-list__item" data-attachment-id={a.id}>
            {a.fileName} <span className="detail__muted">({formatBytes(a.sizeBytes)})</span>{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={t('attachment.downloadNamed', { name: a.fileName })}
              // aria-disabled, not disabled: the button keeps the keyboard focus while it works.
              aria-disabled={isBusy || service === null}
              aria-busy={isBusy}
              onClick={() => {
                void download(a);
              }}
            >
              {isBusy ? t('attachment.downloading') : t('attachment.download')}
            </button>
            <span className="attachment-list__status" role="status">
              {(state?.kind === 'saved' || state?.kind === 'save-failed') &&
                (state.cached ? t('attachment.cached') : t('attachment.notCached'))}
            </span>
            {state?.kind === 'error' && (
              <p className="form__error" role="alert">
                {t(errorKeys[state.code])}
              </p>
            )}
            {state?.kind === 'save-failed' && (
              <p className="form__error" role="alert">
                {t('attachment.error.save', { message: state.message })}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
