// Field edits on an open report (category, tags, privacy, assignee) and internal notes. The
// category and tag fields are shared with the bulk dialogs (features/bulk).
import { useState } from 'react';
import { isInSubtree } from '../../../../src-shared/domain/parent-tree';
import { reportLocationId, type Report } from '../../../../src-shared/domain/report';
import { workflowRolesOf } from '../../../../src-shared/domain/report-workflow';
import type { User } from '../../../../src-shared/domain/user';
import { useT } from '../../../i18n/i18n';
import { useInboxStore } from '../inbox-store';
import { referenceMaps } from '../reference-maps';
import { ActionDialog } from './ActionDialog';

interface Props {
  report: Report;
  onClose: () => void;
}

/** Category search and list: the active categories, and `currentId` even when retired. */
export function CategoryField({
  value,
  onChange,
  currentId,
}: {
  value: string;
  onChange: (categoryId: string) => void;
  currentId: string | null;
}) {
  const t = useT();
  const reference = useInboxStore((s) => s.reference);
  const [search, setSearch] = useState('');
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const categories = (reference?.categories ?? [])
    .filter((c) => c.isActive || c.id === currentId)
    .filter((c) => words.every((w) => c.name.toLowerCase().includes(w) || c.code.includes(w)))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <label className="form__field">
        <span>{t('action.set_category.search')}</span>
        <input
          type="search"
          value={search}
          autoFocus
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
      </label>
      <label className="form__field">
        <span>{t('detail.category')}</span>
        <select
          size={6}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          <option value="">{t('detail.none')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

export function CategoryDialog({ report, onClose }: Props) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const [categoryId, setCategoryId] = useState(report.categoryId ?? '');
  return (
    <ActionDialog
      reportId={report.id}
      title={t('action.set_category')}
      submitLabel={t('action.save')}
      onSubmit={() =>
        mutate('report.setCategory', {
          reportId: report.id,
          categoryId: categoryId === '' ? null : categoryId,
        })
      }
      onClose={onClose}
    >
      <CategoryField value={categoryId} onChange={setCategoryId} currentId={report.categoryId} />
    </ActionDialog>
  );
}

/** Tags as chips with a text field: Enter or a comma adds, Backspace on empty removes the last. */
export function TagChipsField({
  label,
  tags,
  onTags,
  draft,
  onDraft,
  inputLabel,
  autoFocus = false,
}: {
  /** Names the chips. */
  label: string;
  /** Names the text field (default: "Tambah label"). */
  inputLabel?: string;
  tags: readonly string[];
  onTags: (tags: readonly string[]) => void;
  /** The text typed but not yet added (a dialog may add it on submit). */
  draft: string;
  onDraft: (draft: string) => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const add = () => {
    const tag = draft.trim();
    if (tag !== '' && !tags.some((x) => x.toLowerCase() === tag.toLowerCase())) {
      onTags([...tags, tag.slice(0, 50)]);
    }
    onDraft('');
  };
  return (
    <>
      <ul className="chips" aria-label={label}>
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button
              type="button"
              className="chip__remove"
              aria-label={t('action.set_tags.remove', { tag })}
              onClick={() => {
                onTags(tags.filter((x) => x !== tag));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label className="form__field">
        <span>{inputLabel ?? t('action.set_tags.add')}</span>
        <input
          value={draft}
          maxLength={50}
          autoFocus={autoFocus}
          onChange={(event) => {
            onDraft(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              add();
            } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
              onTags(tags.slice(0, -1));
            }
          }}
        />
        <span className="form__hint">{t('action.set_tags.hint')}</span>
      </label>
    </>
  );
}

export function TagsDialog({ report, onClose }: Props) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const [tags, setTags] = useState<readonly string[]>(report.tags);
  const [draft, setDraft] = useState('');
  return (
    <ActionDialog
      reportId={report.id}
      title={t('action.set_tags')}
      submitLabel={t('action.save')}
      onSubmit={() => {
        const pending = draft.trim();
        const all = pending === '' || tags.includes(pending) ? tags : [...tags, pending];
        return mutate('report.setTags', { reportId: report.id, tags: [...all] });
      }}
      onClose={onClose}
    >
      <TagChipsField
        label={t('detail.tags')}
        tags={tags}
        onTags={setTags}
        draft={draft}
        onDraft={setDraft}
        autoFocus
      />
    </ActionDialog>
  );
}

export function PrivacyDialog({ report, onClose }: Props) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const [rahasia, setRahasia] = useState(report.privacy.rahasia);
  const [anonim, setAnonim] = useState(report.privacy.anonim);
  return (
    <ActionDialog
      reportId={report.id}
      title={t('action.set_privacy')}
      submitLabel={t('action.save')}
      onSubmit={() => mutate('report.setPrivacy', { reportId: report.id, rahasia, anonim })}
      onClose={onClose}
    >
      <PrivacyFields
        rahasia={rahasia}
        setRahasia={setRahasia}
        anonim={anonim}
        setAnonim={setAnonim}
        wasAnonim={report.privacy.anonim}
      />
    </ActionDialog>
  );
}

export function NoteDialog({ report, onClose }: Props) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const [body, setBody] = useState('');
  return (
    <ActionDialog
      reportId={report.id}
      title={t('action.add_note')}
      submitLabel={t('action.add_note.submit')}
      canSubmit={body.trim() !== ''}
      onSubmit={() =>
        mutate('note.add', { reportId: report.id, noteId: crypto.randomUUID(), body })
      }
      onClose={onClose}
    >
      <label className="form__field">
        <span>{t('action.add_note.body')}</span>
        <textarea
          rows={5}
          maxLength={10_000}
          value={body}
          autoFocus
          onChange={(event) => {
            setBody(event.target.value);
          }}
        />
        <span className="form__hint">{t('action.add_note.hint')}</span>
      </label>
    </ActionDialog>
  );
}

export function AssignDialog({ report, onClose }: Props) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const { agencies, users } = referenceMaps(useInboxStore((s) => s.reference));
  const [assigneeId, setAssigneeId] = useState(report.assigneeId ?? '');
  // People who can work on the report: an operator role, in an agency at or above its place.
  const location = reportLocationId(report);
  const candidates = [...users.values()]
    .filter(
      (u) =>
        workflowRolesOf(u.role).length > 0 &&
        (agencies.size === 0
          ? u.agencyId === report.agencyId || u.agencyId === report.unitId
          : isInSubtree(agencies, u.agencyId, location)),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <ActionDialog
      reportId={report.id}
      title={t('action.assign')}
      submitLabel={t('action.save')}
      onSubmit={() =>
        mutate('report.assign', {
          reportId: report.id,
          assigneeId: assigneeId === '' ? null : assigneeId,
        })
      }
      onClose={onClose}
    >
      <AssigneeField
        candidates={candidates}
        assigneeId={assigneeId}
        setAssigneeId={setAssigneeId}
      />
    </ActionDialog>
  );
}

/** The assignee picker (first, focused): "Belum ditugaskan" or one of `candidates`. */
export function AssigneeField({
  candidates,
  assigneeId,
  setAssigneeId,
}: {
  candidates: readonly Pick<User, 'id' | 'displayName'>[];
  assigneeId: string;
  setAssigneeId: (assigneeId: string) => void;
}) {
  const t = useT();
  const user = useInboxStore((s) => s.user);
  return (
    <label className="form__field">
      <span>{t('detail.assignee')}</span>
      <select
        value={assigneeId}
        autoFocus
        onChange={(event) => {
          setAssigneeId(event.target.value);
        }}
      >
        <option value="">{t('detail.unassigned')}</option>
        {candidates.map((u) => (
          <option key={u.id} value={u.id}>
            {u.id === user?.id ? t('action.assign.me', { name: u.displayName }) : u.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Rahasia and anonim (rahasia first, focused). `wasAnonim`: the report is anonymous already, so
 * the box stays ticked (anonymity is never lifted); otherwise ticking it warns that it is final.
 */
export function PrivacyFields({
  rahasia,
  setRahasia,
  anonim,
  setAnonim,
  wasAnonim,
}: {
  rahasia: boolean;
  setRahasia: (rahasia: boolean) => void;
  anonim: boolean;
  setAnonim: (anonim: boolean) => void;
  wasAnonim: boolean;
}) {
  const t = useT();
  return (
    <>
      <label className="form__check">
        <input
          type="checkbox"
          checked={rahasia}
          autoFocus
          onChange={(event) => {
            setRahasia(event.target.checked);
          }}
        />
        <span>{t('privacy.rahasia')}</span>
        <span className="form__hint">{t('action.set_privacy.rahasiaHint')}</span>
      </label>
      <label className="form__check">
        <input
          type="checkbox"
          checked={anonim}
          disabled={wasAnonim}
          onChange={(event) => {
            setAnonim(event.target.checked);
          }}
        />
        <span>{t('privacy.anonim')}</span>
        <span className="form__hint">{t('action.set_privacy.anonimHint')}</span>
      </label>
      {anonim && !wasAnonim && (
        <p className="form__warning" role="alert">
          {t('action.set_privacy.irreversible')}
        </p>
      )}
    </>
  );
}
