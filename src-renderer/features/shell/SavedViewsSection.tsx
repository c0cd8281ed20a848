// The operator's saved views in the sidebar: apply one (its queue, filters, sort and search at
// once), save the current query under a name (a name already in use updates that view), rename
// or delete one. Views are personal and synced through the inbox store's mutations.
import { useState } from 'react';
import { SAVED_VIEW_NAME_MAX, type SavedView } from '../../../src-shared/domain/saved-view';
import type { InboxQuery } from '../../../src-shared/inbox/queries';
import type { Result } from '../../../src-shared/result';
import type { MutationError } from '../../../src-shared/sync/mutation-error';
import { useT } from '../../i18n/i18n';
import { Dialog } from '../../ui/Dialog';
import { refusalText } from '../inbox/actions/action-labels';
import { useInboxStore } from '../inbox/inbox-store';
import { useNavigationStore } from './navigation-store';

const NO_VIEWS: readonly SavedView[] = [];

type OpenDialog =
  | { readonly kind: 'save' }
  | { readonly kind: 'rename'; readonly view: SavedView }
  | { readonly kind: 'delete'; readonly view: SavedView };

/** Names compare as the operator reads them: surrounding spaces and letter case aside. */
function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'id', { sensitivity: 'accent' }) === 0;
}

export function SavedViewsSection() {
  const t = useT();
  const views = useInboxStore((s) => s.reference?.savedViews ?? NO_VIEWS);
  const setQuery = useInboxStore((s) => s.setQuery);
  const selectQueue = useNavigationStore((s) => s.selectQueue);
  const [open, setOpen] = useState<OpenDialog | null>(null);
  const close = () => {
    setOpen(null);
  };

  const apply = (query: InboxQuery) => {
    selectQueue(query.queue);
    setQuery(query);
  };

  return (
    <section className="queue-group saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title" className="queue-group__title">
        {t('savedView.title')}
      </h2>
      {views.length === 0 ? (
        <p className="saved-views__empty" data-testid="saved-views-empty">
          {t('savedView.empty')}
        </p>
      ) : (
        <ul className="queue-list">
          {views.map((view) => (
            <li key={view.id} className="saved-views__row">
              <button
                type="button"
                className="queue-list__item"
                data-testid={`saved-view-${view.id}`}
                onClick={() => {
                  apply(view.query);
                }}
              >
                <span>{view.name}</span>
              </button>
              <button
                type="button"
                className="saved-views__action"
                aria-label={t('savedView.rename', { name: view.name })}
                title={t('savedView.rename', { name: view.name })}
                data-testid={`rename-view-${view.id}`}
                onClick={() => {
                  setOpen({ kind: 'rename', view });
                }}
              >
                ✎
              </button>
              <button
                type="button"
                className="saved-views__action"
                aria-label={t('savedView.delete', { name: view.name })}
                title={t('savedView.delete', { name: view.name })}
                data-testid={`delete-view-${view.id}`}
                onClick={() => {
                  setOpen({ kind: 'delete', view });
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button--small saved-views__save"
        data-testid="save-view"
        onClick={() => {
          setOpen({ kind: 'save' });
        }}
      >
        {t('savedView.save')}
      </button>
      {open?.kind === 'save' && <SaveViewDialog views={views} onClose={close} />}
      {open?.kind === 'rename' && <RenameViewDialog view={open.view} onClose={close} />}
      {open?.kind === 'delete' && <DeleteViewDialog view={open.view} onClose={close} />}
    </section>
  );
}

/** Runs a mutation from a dialog: closes on success, else shows the refusal's reason. */
function useDialogSubmit(onClose: () => void) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (run: () => Promise<Result<unknown, MutationError>>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    void run().then((result) => {
      setBusy(false);
      if (result.ok) onClose();
      else setError(refusalText(t, result.error));
    });
  };
  return { error, busy, submit };
}

function NameForm({
  title,
  initialName,
  hint,
  onSubmit,
  onClose,
}: {
  title: string;
  initialName: string;
  hint?: (name: string) => string;
  onSubmit: (name: string) => Promise<Result<unknown, MutationError>>;
  onClose: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(initialName);
  const { error, busy, submit } = useDialogSubmit(onClose);
  const canSubmit = name.trim() !== '';
  return (
    <Dialog open title={title} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSubmit) {
            submit(() => onSubmit(name.trim()));
          }
        }}
      >
        <label className="form__field">
          <span>{t('savedView.name')}</span>
          <input
            type="text"
            value={name}
            maxLength={SAVED_VIEW_NAME_MAX}
            required
            autoFocus
            data-testid="saved-view-name"
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
          {hint !== undefined && <span className="form__hint">{hint(name)}</span>}
        </label>
        {error !== null && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || !canSubmit}>
            {t('savedView.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Saves the current query: under a new id, or over the view that already has this name. */
function SaveViewDialog({ views, onClose }: { views: readonly SavedView[]; onClose: () => void }) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const query = useInboxStore((s) => s.query);
  const existing = (name: string) => views.find((view) => sameName(view.name, name));
  return (
    <NameForm
      title={t('savedView.save')}
      initialName=""
      hint={(name) => {
        const replaced = name.trim() === '' ? undefined : existing(name);
        return replaced === undefined
          ? t('savedView.nameHint')
          : t('savedView.replaces', { name: replaced.name });
      }}
      onSubmit={(name) =>
        mutate('view.save', {
          viewId: existing(name)?.id ?? crypto.randomUUID(),
          name,
          query,
        })
      }
      onClose={onClose}
    />
  );
}

/** Renames a view; its query stays as it was saved. */
function RenameViewDialog({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  return (
    <NameForm
      title={t('savedView.renameTitle')}
      initialName={view.name}
      onSubmit={(name) => mutate('view.save', { viewId: view.id, name, query: view.query })}
      onClose={onClose}
    />
  );
}

function DeleteViewDialog({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const { error, busy, submit } = useDialogSubmit(onClose);
  return (
    <Dialog open title={t('savedView.deleteTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit(() => mutate('view.delete', { viewId: view.id }));
        }}
      >
        <p>{t('savedView.deleteConfirm', { name: view.name })}</p>
        {error !== null && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            data-testid="confirm-delete-view"
          >
            {t('savedView.deleteSubmit')}
          </button>
          {/* Focus starts on the safe choice: Enter right after opening deletes nothing. */}
          <button type="button" className="button" autoFocus onClick={onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
