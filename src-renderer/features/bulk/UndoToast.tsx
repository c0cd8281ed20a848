// The toast after a bulk action: what was done, "Urungkan (Z)" with the countdown while the batch is
// held ("belum dikirim · 8 dtk"), how the undo went, and "Ulangi" (Shift+Z) after an undo. Undo
// stays available after the hold (it then compensates) until the next batch. The keys are
// commands in the registry; the key dispatcher runs them.
import { useEffect, useState } from 'react';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { useCommands, type Command } from '../commands/command-registry';
import { ariaKeyShortcuts, formatKeys } from '../commands/key-chords';
import { useSelectionStore } from '../selection/selection-store';
import { doneText } from './bulk-catalog';
import { formatCount } from './bulk-format';
import { bulkErrorText, SkipList } from './BulkDialog';
import { selectCanRedo, selectCanUndo, useBulkStore } from './bulk-store';
import { selectHoldMs, useUndoWindowStore } from './undo-window-store';

/** Undo: one key, and the key every editor uses. */
const UNDO_KEYS = ['z', 'ctrl+z'] as const;
const REDO_KEYS = 'shift+z';

/** Whole seconds left until `until` by the store's clock, ticking while above zero. */
function useSecondsLeft(until: number): number {
  const now = useBulkStore((s) => s.now);
  const [, setTick] = useState(0);
  const left = Math.max(0, Math.ceil((until - now()) / 1000));
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => {
      setTick((tick) => tick + 1);
    }, 1000);
    return () => {
      clearTimeout(timer);
    };
  });
  return left;
}

/** Registers undo (z, ctrl+z) and redo (shift+z) while there is something to undo or redo. */
function useUndoCommands(): void {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const canUndo = useBulkStore(selectCanUndo);
  const canRedo = useBulkStore(selectCanRedo);
  const commands: Command[] = [];
  if (canUndo) {
    const undo = () => {
      void useBulkStore.getState().undo();
    };
    commands.push(
      {
        id: 'bulk.undo',
        group: 'bulk',
        label: t('bulk.undoCommand'),
        keys: UNDO_KEYS[0],
        run: undo,
      },
      {
        id: 'bulk.undo.ctrl',
        group: 'bulk',
        label: t('bulk.undoCommand'),
        keys: UNDO_KEYS[1],
        run: undo,
      },
    );
  }
  if (canRedo) {
    commands.push({
      id: 'bulk.redo',
      group: 'bulk',
      label: t('bulk.redoCommand'),
      keys: REDO_KEYS,
      run: () => {
        void useBulkStore.getState().redo(selectHoldMs(useUndoWindowStore.getState()));
      },
    });
  }
  useCommands(commands, `${String(canUndo)}|${String(canRedo)}|${locale}`);
}

function HeldCountdown({ until }: { until: number }) {
  const t = useT();
  const seconds = useSecondsLeft(until);
  if (seconds <= 0) return null;
  return (
    <span className="undo-toast__held" data-testid="undo-held">
      {t('bulk.held', { seconds })}
    </span>
  );
}

export function UndoToast() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const last = useBulkStore((s) => s.last);
  const hidden = useBulkStore((s) => s.toastHidden);
  const holdMs = useUndoWindowStore(selectHoldMs);
  const [showIrreversible, setShowIrreversible] = useState(false);
  useUndoCommands();
  if (last === null || hidden) return null;
  const { undo, redo, hideToast } = useBulkStore.getState();
  const n = (value: number) => formatCount(locale, value);
  const run = last.run;
  const skippedIds = run?.skipped.map((s) => s.reportId) ?? [];

  return (
    <div className="undo-toast" role="status" aria-label={t('bulk.toast')} data-testid="undo-toast">
      <div className="undo-toast__line">
        {last.phase === 'done' && run !== null && (
          <>
            <span>{doneText(t, last.request.action.kind, run.count)}</span>
            <button
              type="button"
              className="button button--small"
              aria-keyshortcuts={UNDO_KEYS.map((keys) => ariaKeyShortcuts(keys)).join(' ')}
              onClick={() => {
                void undo();
              }}
            >
              {t('bulk.undo')} <kbd aria-hidden="true">{formatKeys(UNDO_KEYS[0]).join(' ')}</kbd>
            </button>
            {run.holdUntil > 0 && <HeldCountdown until={run.holdUntil} />}
          </>
        )}
        {last.phase === 'undoing' && <span aria-busy="true">{t('bulk.undoing')}</span>}
        {last.phase === 'redoing' && <span aria-busy="true">{t('bulk.redoing')}</span>}
        {last.phase === 'undone' && last.undo !== null && (
          <>
            <span data-testid="undo-result">
              {last.undo.kind === 'withdrawn'
                ? t('bulk.withdrawn')
                : t('bulk.compensated', { count: n(last.undo.count) })}
              {last.undo.kind === 'compensated' && last.undo.irreversible.length > 0 && (
                <>
                  {'; '}
                  {t('bulk.irreversible', { count: n(last.undo.irreversible.length) })}{' '}
                  <button
                    type="button"
                    className="button button--link"
                    aria-expanded={showIrreversible}
                    onClick={() => {
                      setShowIrreversible((shown) => !shown);
                    }}
                  >
                    ({t('bulk.irreversible.show')})
                  </button>
                </>
              )}
            </span>
            <button
              type="button"
              className="button button--small"
              aria-keyshortcuts={ariaKeyShortcuts(REDO_KEYS)}
              onClick={() => {
                void redo(holdMs);
              }}
            >
              {t('bulk.redo')} <kbd aria-hidden="true">{formatKeys(REDO_KEYS).join(' ')}</kbd>
            </button>
          </>
        )}
        {last.phase === 'done' && skippedIds.length > 0 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              useSelectionStore.getState().replace(skippedIds);
            }}
          >
            {t('bulk.selectSkipped', { count: n(skippedIds.length) })}
          </button>
        )}
        <button
          type="button"
          className="button button--small undo-toast__close"
          aria-label={t('bulk.dismiss')}
          onClick={hideToast}
        >
          ×
        </button>
      </div>
      {last.phase === 'undone' &&
        last.undo?.kind === 'compensated' &&
        showIrreversible &&
        last.undo.irreversible.length > 0 && (
          <SkipList skips={last.undo.irreversible} label={t('bulk.irreversible.list')} />
        )}
      {last.error !== null && (
        <p className="form__error" role="alert">
          {bulkErrorText(t, last.error)}
        </p>
      )}
    </div>
  );
}
