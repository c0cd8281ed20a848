// The "Tindak lanjut" panel: reports whose follow-up is due within 1, 3, 5 or 10 working days,
// soonest first, each with its tracking number, title, due date and countdown; responded ones with
// the days left before they complete by themselves. The list is one tab stop: arrow keys, Home
// and End move between reports; Enter opens one in the inbox. Opened from the sidebar entry,
// `g f` or the palette.
import { useRef, useState, type KeyboardEvent } from 'react';
import { rowFollowUp, type RowFollowUp } from '../../../src-shared/domain/follow-up';
import { reportStatusLabelKey } from '../../../src-shared/domain/report-status';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { slaCalendar } from '../inbox/sla-outlook';
import { daysParams, rowCountdownText, rowDueText } from './follow-up-format';
import { followUpWindows } from './follow-up-queries';
import { useFollowUpStore } from './follow-up-store';
import { openReportInInbox } from './open-report';

export const FOLLOW_UP_PANEL_ID = 'follow-up-panel';

interface Item {
  readonly row: ReportListRow;
  readonly followUp: RowFollowUp;
}

function items(rows: readonly ReportListRow[], now: number): Item[] {
  const calendar = slaCalendar();
  return rows.flatMap((row) => {
    const followUp = rowFollowUp(row, now, calendar);
    return followUp === null ? [] : [{ row, followUp }];
  });
}

/** Arrow keys, Home and End move focus between the list's reports. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  const keys: Record<string, (index: number, count: number) => number> = {
    ArrowDown: (i, n) => Math.min(i + 1, n - 1),
    ArrowUp: (i) => Math.max(i - 1, 0),
    Home: () => 0,
    End: (_i, n) => n - 1,
  };
  const next = keys[event.key];
  if (next === undefined) return;
  const buttons = Array.from(
    event.currentTarget.querySelectorAll<HTMLButtonElement>('.follow-up-item'),
  );
  if (buttons.length === 0) return;
  event.preventDefault();
  const current = buttons.findIndex((b) => b === document.activeElement);
  buttons[next(Math.max(current, 0), buttons.length)]?.focus();
}

function FollowUpItem({
  item,
  isTabStop,
  onFocus,
  onOpen,
}: {
  item: Item;
  /** The one report of the list that Tab reaches (the last one focused, else the first). */
  isTabStop: boolean;
  onFocus: () => void;
  onOpen: (row: ReportListRow) => void;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { row, followUp } = item;
  const countdown = rowCountdownText(t, followUp);
  return (
    <li>
      <button
        type="button"
        className={`follow-up-item follow-up-item--${followUp.timing}`}
        data-report-id={row.id}
        data-timing={followUp.timing}
        tabIndex={isTabStop ? 0 : -1}
        onFocus={onFocus}
        onClick={() => {
          onOpen(row);
        }}
      >
        <span className="follow-up-item__main">
          <span className="follow-up-item__tracking">
            {t('detail.tracking', { id: row.trackingId })} · {t(reportStatusLabelKey(row.status))}
          </span>
          <span className="follow-up-item__title">{row.title}</span>
        </span>
        <span className="follow-up-item__due">
          <span
            className={`sla-badge follow-up-item__countdown sla-badge--${followUp.timing === 'upcoming' ? 'on_track' : followUp.timing}`}
          >
            {countdown}
          </span>
          <span className="follow-up-item__date">{rowDueText(t, locale, followUp)}</span>
        </span>
      </button>
    </li>
  );
}

export function FollowUpPanel({ onOpened }: { onOpened: () => void }) {
  const t = useT();
  const open = useFollowUpStore((s) => s.open);
  const days = useFollowUpStore((s) => s.days);
  const list = useFollowUpStore((s) => s.list);
  const listState = useFollowUpStore((s) => s.listState);
  const now = useFollowUpStore((s) => s.now);
  const openFailed = useFollowUpStore((s) => s.openFailed);
  const setOpen = useFollowUpStore((s) => s.setOpen);
  const setDays = useFollowUpStore((s) => s.setDays);
  const showMore = useFollowUpStore((s) => s.showMore);
  const retry = useFollowUpStore((s) => s.retry);
  const setOpenFailed = useFollowUpStore((s) => s.setOpenFailed);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  // After opening a report, its detail takes the focus once the dialog has closed (closing gives
  // the focus back to what had it before the dialog, which would undo an earlier move).
  const isOpeningReport = useRef(false);
  const close = () => {
    setOpen(false);
    if (isOpeningReport.current) {
      isOpeningReport.current = false;
      onOpened();
    }
  };

  const openRow = (row: ReportListRow) => {
    setOpenFailed(null);
    void openReportInInbox(row).then((opened) => {
      if (!opened) {
        setOpenFailed(row.trackingId);
        return;
      }
      isOpeningReport.current = true;
      setOpen(false);
    });
  };

  const shown = list === null ? [] : items(list.rows, now);
  const tabStopId = shown.some((item) => item.row.id === focusedId)
    ? focusedId
    : (shown[0]?.row.id ?? null);
  const windowParams = daysParams(t, days);

  return (
    <Dialog open={open} title={t('followUp.title')} onClose={close}>
      {open && (
        <div className="follow-up" id={FOLLOW_UP_PANEL_ID} data-testid="follow-up-panel">
          <fieldset className="follow-up__window">
            <legend>{t('followUp.window')}</legend>
            {followUpWindows.map((option) => (
              <label key={option} className="follow-up__window-option">
                <input
                  type="radio"
                  name="follow-up-window"
                  value={option}
                  checked={option === days}
                  onChange={() => {
                    setDays(option);
                  }}
                />
                {t('followUp.window.option', daysParams(t, option))}
              </label>
            ))}
          </fieldset>

          {openFailed !== null && (
            <p className="form__error" role="alert">
              {t('followUp.openFailed', { id: openFailed })}
            </p>
          )}

          {listState === 'error' ? (
            <div className="follow-up__error" role="alert">
              <p>{t('followUp.error')}</p>
              <button type="button" className="button" onClick={retry}>
                {t('followUp.retry')}
              </button>
            </div>
          ) : list === null ? (
            <p className="follow-up__loading" aria-busy="true">
              {t('followUp.loading')}
            </p>
          ) : shown.length === 0 ? (
            <EmptyState
              title={t('followUp.empty.title')}
              body={t('followUp.empty.body', windowParams)}
            />
          ) : (
            <>
              <p className="follow-up__summary" role="status">
                {t('followUp.summary', { count: list.total, ...windowParams })}
              </p>
              <ul className="follow-up-list" aria-label={t('followUp.list')} onKeyDown={moveFocus}>
                {shown.map((item) => (
                  <FollowUpItem
                    key={item.row.id}
                    item={item}
                    isTabStop={item.row.id === tabStopId}
                    onFocus={() => {
                      setFocusedId(item.row.id);
                    }}
                    onOpen={openRow}
                  />
                ))}
              </ul>
              {list.rows.length < list.total && (
                <p className="follow-up__more">
                  {t('followUp.showing', { shown: list.rows.length, total: list.total })}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      showMore();
                    }}
                  >
                    {t('followUp.more')}
                  </button>
                </p>
              )}
            </>
          )}

          <div className="button-row">
            <button type="button" className="button" onClick={close}>
              {t('followUp.close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
