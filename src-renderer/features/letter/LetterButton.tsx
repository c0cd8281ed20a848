// "Unduh surat (PDF)" on a report with an approved or published response: a button in the detail
// pane and a `report` command (palette and key), both opening the letter dialog.
import { useEffect } from 'react';
import { letterReadyResponses } from '../../../src-shared/letter/letter-model';
import { useT } from '../../i18n/i18n';
import type { ReportDetail } from '../../sync/inbox-service';
import { useCommands, type Command } from '../commands/command-registry';
import { ariaKeyShortcuts, formatKeys } from '../commands/key-chords';
import { LetterDialog } from './LetterDialog';
import { useLetterStore } from './letter-store';
import { saveLetterWithBridge, type SaveLetter } from './save-letter';

/** S for surat. */
export const LETTER_KEYS = 'shift+s';

export function LetterButton({
  detail,
  save = saveLetterWithBridge,
}: {
  detail: ReportDetail;
  /** How the PDF leaves the app (tests pass their own). */
  save?: SaveLetter;
}) {
  const t = useT();
  const reportId = detail.report.id;
  const openReportId = useLetterStore((s) => s.reportId);
  const open = useLetterStore((s) => s.open);
  const close = useLetterStore((s) => s.close);
  const isReady = letterReadyResponses(detail.responses).length > 0;

  const label = t('letter.download');
  const commands: Command[] = isReady
    ? [
        {
          id: 'report.letter',
          group: 'report',
          label,
          keys: LETTER_KEYS,
          keywords: ['surat', 'pdf', 'cetak', 'kop', 'letter', 'print'],
          run: () => {
            open(reportId);
          },
        },
      ]
    : [];
  useCommands(commands, isReady ? `${reportId}=${label}` : '');

  // Another report selected: its letter dialog does not stay open behind it.
  useEffect(
    () => () => {
      if (useLetterStore.getState().reportId === reportId) close();
    },
    [reportId, close],
  );

  if (!isReady) return null;
  return (
    <div className="letter-actions">
      <button
        type="button"
        className="button"
        data-action="letter"
        aria-keyshortcuts={ariaKeyShortcuts(LETTER_KEYS)}
        onClick={() => {
          open(reportId);
        }}
      >
        {label} <kbd aria-hidden="true">{formatKeys(LETTER_KEYS).join(' ')}</kbd>
      </button>
      {openReportId === reportId && <LetterDialog detail={detail} onClose={close} save={save} />}
    </div>
  );
}
