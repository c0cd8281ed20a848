// "Pustaka template": the agency's and the user's own response templates, listed by kind on the
// left, the open one in the editor on the right. Reached from the header and with `g l`; leaving
// with unsaved changes asks first (also when leaving for another screen).
import { useEffect } from 'react';
import type { SessionUser } from '../../../src-shared/api/auth';
import { useT } from '../../i18n/i18n';
import { useInboxService } from '../../sync/inbox-context';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { useCommands, type Command } from '../commands/command-registry';
import { useInboxStore } from '../inbox/inbox-store';
import { setLeaveGuard, useNavigationStore } from '../shell/navigation-store';
import {
  selectIsDirty,
  useTemplateLibraryStore,
  type TemplateLibraryDeps,
} from './template-library-store';
import { creatableScopes } from './template-rights';
import { TemplateEditor } from './TemplateEditor';
import { TEMPLATE_SEARCH_ID, TemplateList } from './TemplateList';
import './templates.css';

export const TEMPLATE_EDITOR_FORM = 'form.template-editor';

function useTemplateCommands(user: SessionUser): void {
  const t = useT();
  const hasEditor = useTemplateLibraryStore((s) => s.editor !== null);
  const canCreate = creatableScopes(user.role).length > 0;
  const commands: Command[] = [
    {
      id: 'templates.search',
      group: 'view',
      label: t('templates.search'),
      keys: '/',
      run: () => {
        const search = document.getElementById(TEMPLATE_SEARCH_ID);
        if (search instanceof HTMLInputElement) search.select();
        search?.focus();
      },
    },
    {
      id: 'templates.back',
      group: 'navigation',
      label: t('templates.back'),
      keys: 'escape',
      run: () => {
        useNavigationStore.getState().openView('inbox');
      },
    },
  ];
  if (canCreate) {
    commands.push({
      id: 'templates.new',
      group: 'view',
      label: t('templates.new'),
      keys: 'n',
      run: () => {
        useTemplateLibraryStore.getState().startNew();
      },
    });
  }
  if (hasEditor) {
    commands.push({
      id: 'templates.save',
      group: 'view',
      label: t('templates.save'),
      keys: 'ctrl+s',
      run: () => {
        // The form decides whether saving is possible now (problems, rights).
        document.querySelector<HTMLFormElement>(TEMPLATE_EDITOR_FORM)?.requestSubmit();
      },
    });
  }
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));
}

function ConfirmDialogs() {
  const t = useT();
  const confirm = useTemplateLibraryStore((s) => s.confirm);
  const name = useTemplateLibraryStore((s) => s.editor?.draft.name.trim() ?? '');
  const { cancelConfirm, discardAndProceed, confirmDelete } = useTemplateLibraryStore.getState();
  const shownName = name === '' ? t('templates.untitled') : name;
  if (confirm === null) return null;
  if (confirm.kind === 'discard') {
    return (
      <Dialog open title={t('templates.discard.title')} onClose={cancelConfirm}>
        <p>{t('templates.discard.body', { name: shownName })}</p>
        <div className="button-row">
          <button type="button" className="button" autoFocus onClick={cancelConfirm}>
            {t('templates.discard.keep')}
          </button>
          <button type="button" className="button button--warn" onClick={discardAndProceed}>
            {t('templates.discard.confirm')}
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open title={t('templates.delete.title')} onClose={cancelConfirm}>
      <p>{t('templates.delete.body', { name: shownName })}</p>
      <div className="button-row">
        <button type="button" className="button" autoFocus onClick={cancelConfirm}>
          {t('action.cancel')}
        </button>
        <button
          type="button"
          className="button button--warn"
          onClick={() => {
            void confirmDelete();
          }}
        >
          {t('templates.delete.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

export function TemplateLibraryScreen({
  user,
  deps,
}: {
  user: SessionUser;
  /** Clock and ids (tests pass fixed ones). */
  deps?: Partial<TemplateLibraryDeps>;
}) {
  const t = useT();
  const service = useInboxService();
  const editor = useTemplateLibraryStore((s) => s.editor);
  const isDirty = useTemplateLibraryStore(selectIsDirty);
  const openView = useNavigationStore((s) => s.openView);
  const canCreate = creatableScopes(user.role).length > 0;

  useEffect(
    () =>
      useTemplateLibraryStore.getState().attach(service, user, {
        ...(deps === undefined ? {} : { deps }),
        // The report open in the inbox is the natural one to preview against.
        previewReportId: useInboxStore.getState().selectedId,
      }),
    // `deps` is fixed for the screen's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [service, user],
  );

  // Leaving for another screen asks first when the draft has unsaved changes.
  useEffect(() => {
    setLeaveGuard((proceed) => useTemplateLibraryStore.getState().guard(proceed));
    return () => {
      setLeaveGuard(null);
    };
  }, []);

  // Closing the window too (the browser's own question; it shows no text of ours).
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [isDirty]);

  useTemplateCommands(user);

  return (
    <main id="main" className="templates" aria-labelledby="templates-title">
      <header className="templates__header">
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Escape"
          onClick={() => {
            openView('inbox');
          }}
        >
          ← {t('templates.back')}
        </button>
        <h1 id="templates-title">{t('templates.title')}</h1>
        <span className="shell__spacer" />
        {canCreate && (
          <button
            type="button"
            className="button button--primary"
            aria-keyshortcuts="N"
            onClick={() => {
              useTemplateLibraryStore.getState().startNew();
            }}
          >
            {t('templates.new')}
          </button>
        )}
      </header>
      <div className="templates__body">
        <section
          className="pane templates__library"
          aria-label={t('templates.list')}
          data-pane
          tabIndex={-1}
        >
          <TemplateList />
        </section>
        <section
          className="pane templates__editor"
          aria-label={t('templates.editor')}
          data-pane
          tabIndex={-1}
        >
          {editor === null ? (
            <EmptyState title={t('templates.noEditor.title')} body={t('templates.noEditor.body')} />
          ) : (
            // A new key per template: field state (cursor, picker position) starts afresh.
            <TemplateEditor key={editor.draft.id} editor={editor} />
          )}
        </section>
      </div>
      <ConfirmDialogs />
    </main>
  );
}
