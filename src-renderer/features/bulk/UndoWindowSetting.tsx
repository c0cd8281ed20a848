// The settings section for the undo window: how many seconds (0–60) a bulk action is held on this
// device before it is sent.
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { UNDO_WINDOW_MAX_S, useUndoWindowStore } from './undo-window-store';

export function UndoWindowSetting() {
  const t = useT();
  const seconds = useUndoWindowStore((s) => s.seconds);
  const setSeconds = useUndoWindowStore((s) => s.setSeconds);
  // What is typed, kept apart so an empty or half-typed field does not snap to a stored value.
  const [text, setText] = useState(String(seconds));
  return (
    <section className="settings__section" aria-labelledby="settings-undo-window">
      <h2 id="settings-undo-window">{t('settings.undoWindow')}</h2>
      <label className="form__field">
        <span>{t('settings.undoWindow.label')}</span>
        <input
          type="number"
          min={0}
          max={UNDO_WINDOW_MAX_S}
          step={1}
          inputMode="numeric"
          value={text}
          data-testid="undo-window"
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            if (/^\d+$/.test(value) && Number(value) <= UNDO_WINDOW_MAX_S) {
              setSeconds(Number(value));
            }
          }}
          onBlur={() => {
            setText(String(useUndoWindowStore.getState().seconds));
          }}
        />
        <span className="form__hint">{t('settings.undoWindow.hint')}</span>
      </label>
    </section>
  );
}
