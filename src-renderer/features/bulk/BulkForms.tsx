// The first step of a bulk action: its arguments, one form per kind, each building a BulkAction.
// Fields are the single-report dialogs' own (target picker, category list, tag chips) where the
// question is the same; what differs for many reports (tags added and removed, the report a merge
// keeps, anyone in the subtree as assignee) is asked here. The dispose form shows the routing
// suggestions for the first selected report.
import { useEffect, useState } from 'react';
import type { BulkAction, BulkActionKind } from '../../../src-shared/bulk/bulk-action';
import { archiveReasons, type ArchiveReason } from '../../../src-shared/domain/archive-reason';
import { isInSubtree } from '../../../src-shared/domain/parent-tree';
import { workflowRolesOf } from '../../../src-shared/domain/report-workflow';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { DisposeTargetFields, useDisposeTarget } from '../inbox/actions/DisposeDialog';
import { ArchiveFields } from '../inbox/actions/ArchiveDialog';
import {
  AssigneeField,
  CategoryField,
  PrivacyFields,
  TagChipsField,
} from '../inbox/actions/EditDialogs';
import { formatDateTime } from '../inbox/inbox-format';
import { useInboxStore } from '../inbox/inbox-store';
import { referenceMaps } from '../inbox/reference-maps';
import { RoutingSuggestions } from '../routing/RoutingSuggestions';
import type { RoutingAnswer } from '../../sync/inbox-service';
import { FormFrame, frameProps, type BulkFormProps } from './BulkFormFrame';
import { ApproveForm, ReplyForm } from './BulkReplyForms';

export type { BulkFormProps };

/** Routing suggestions for the first selected report (the selection is usually alike). */
function useRoutingAnswer(reportId: string | undefined): RoutingAnswer | null {
  const service = useInboxStore((s) => s.service);
  const [answer, setAnswer] = useState<{ id: string; answer: RoutingAnswer } | null>(null);
  useEffect(() => {
    if (service === null || reportId === undefined) return;
    let current = true;
    void service.suggestRouting(reportId).then((routing) => {
      if (current) setAnswer({ id: reportId, answer: routing });
    });
    return () => {
      current = false;
    };
  }, [service, reportId]);
  return answer !== null && answer.id === reportId ? answer.answer : null;
}

function DisposeForm(props: BulkFormProps) {
  const t = useT();
  const user = useInboxStore((s) => s.user);
  const { agencies, categories } = referenceMaps(useInboxStore((s) => s.reference));
  const target = useDisposeTarget(agencies, user?.agencyId ?? null);
  const [note, setNote] = useState('');
  const routing = useRoutingAnswer(props.reportIds[0]);
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit={target.targetId !== ''}
      build={() => ({
        kind: 'dispose',
        targetAgencyId: target.targetId,
        ...(target.unitId === '' ? {} : { targetUnitId: target.unitId }),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      })}
    >
      {routing !== null && (
        <RoutingSuggestions
          answer={routing}
          agencies={agencies}
          categories={categories}
          chosen={
            target.targetId === ''
              ? null
              : { agencyId: target.targetId, unitId: target.unitId === '' ? null : target.unitId }
          }
          onPick={target.pick}
        />
      )}
      <DisposeTargetFields target={target} />
      <label className="form__field">
        <span>{t('action.dispose.note')}</span>
        <textarea
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
          }}
        />
      </label>
    </FormFrame>
  );
}

function AssignForm(props: BulkFormProps) {
  const user = useInboxStore((s) => s.user);
  const { agencies, users } = referenceMaps(useInboxStore((s) => s.reference));
  const [assigneeId, setAssigneeId] = useState('');
  // People who can work on reports of the operator's subtree; who fits each report is the
  // mutator's question, answered per report in the confirmation's skipped list.
  const candidates = [...users.values()]
    .filter(
      (u) =>
        u.id === user?.id ||
        (workflowRolesOf(u.role).length > 0 &&
          user !== null &&
          (agencies.size === 0
            ? u.agencyId === user.agencyId
            : isInSubtree(agencies, user.agencyId, u.agencyId))),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit
      build={() => ({ kind: 'assign', assigneeId: assigneeId === '' ? null : assigneeId })}
    >
      <AssigneeField
        candidates={candidates}
        assigneeId={assigneeId}
        setAssigneeId={setAssigneeId}
      />
    </FormFrame>
  );
}

function TextForm({
  kind,
  ...props
}: BulkFormProps & { kind: 'tunda' | 'not_authority' | 'add_note' }) {
  const t = useT();
  const [text, setText] = useState('');
  const label = {
    tunda: t('action.tunda.message'),
    not_authority: t('action.not_authority.reason'),
    add_note: t('action.add_note.body'),
  }[kind];
  const build = (): BulkAction => {
    switch (kind) {
      case 'tunda':
        return { kind, messageToReporter: text.trim() };
      case 'not_authority':
        return { kind, reason: text.trim() };
      case 'add_note':
        return { kind, body: text.trim() };
    }
  };
  return (
    <FormFrame {...frameProps(props)} canSubmit={text.trim() !== ''} build={build}>
      <label className="form__field">
        <span>{label}</span>
        <textarea
          rows={4}
          maxLength={kind === 'add_note' ? 10_000 : 2000}
          value={text}
          autoFocus
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        {kind === 'add_note' && <span className="form__hint">{t('action.add_note.hint')}</span>}
      </label>
    </FormFrame>
  );
}

function ArchiveForm(props: BulkFormProps) {
  const [reason, setReason] = useState<ArchiveReason>('wrong_format');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [note, setNote] = useState('');
  const original = duplicateOf.trim();
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit={reason !== 'duplicate' || /^\d+$/.test(original)}
      build={() => ({
        kind: 'archive',
        reason,
        ...(reason === 'duplicate' ? { duplicateOf: original } : {}),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      })}
    >
      <ArchiveFields
        reasons={archiveReasons}
        reason={reason}
        setReason={setReason}
        duplicateOf={duplicateOf}
        setDuplicateOf={setDuplicateOf}
        note={note}
        setNote={setNote}
      />
    </FormFrame>
  );
}

interface MergeCandidate {
  readonly id: string;
  readonly trackingId: string;
  readonly title: string;
  readonly createdAt: number;
}

/**
 * How many reports one merge takes: duplicates come in handfuls, and each is read from the worker
 * to list it; a bigger selection is a mistake to point out, not a list to load.
 */
export const MERGE_MAX = 100;

/** The selected reports, oldest first, read from the worker (a merge selects a few). */
function useMergeCandidates(reportIds: readonly string[]): MergeCandidate[] | null {
  const service = useInboxStore((s) => s.service);
  const [candidates, setCandidates] = useState<MergeCandidate[] | null>(null);
  useEffect(() => {
    if (service === null || reportIds.length > MERGE_MAX) return;
    let current = true;
    void Promise.all(reportIds.map((id) => service.report(id))).then((details) => {
      if (!current) return;
      setCandidates(
        details
          .flatMap((d) => (d === null ? [] : [d.report]))
          .map((r) => ({
            id: r.id,
            trackingId: r.trackingId,
            title: r.title,
            createdAt: r.createdAt,
          }))
          .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
      );
    });
    return () => {
      current = false;
    };
  }, [service, reportIds]);
  return candidates;
}

function MergeForm(props: BulkFormProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const candidates = useMergeCandidates(props.reportIds);
  const [chosen, setChosen] = useState<string | null>(null);
  const isTooMany = props.reportIds.length > MERGE_MAX;
  // The oldest report is the original the others duplicate, unless the operator picks another.
  const keepId = chosen ?? candidates?.[0]?.id ?? '';
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit={keepId !== '' && !isTooMany}
      build={() => ({ kind: 'merge', keepReportId: keepId })}
    >
      {isTooMany ? (
        <p className="form__error" role="alert">
          {t('bulk.merge.tooMany', { max: MERGE_MAX })}
        </p>
      ) : candidates === null ? (
        <p role="status" aria-busy="true">
          {t('bulk.merge.loading')}
        </p>
      ) : (
        <fieldset className="bulk-merge">
          <legend>{t('bulk.merge.keep')}</legend>
          {candidates.map((c, index) => (
            <label key={c.id} className="form__check">
              <input
                type="radio"
                name="bulk-merge-keep"
                value={c.id}
                checked={keepId === c.id}
                autoFocus={keepId === c.id}
                onChange={() => {
                  setChosen(c.id);
                }}
              />
              <span>
                #{c.trackingId} · {c.title} · {formatDateTime(locale, c.createdAt)}
                {index === 0 && ` ${t('bulk.merge.oldest')}`}
              </span>
            </label>
          ))}
          <span className="form__hint">{t('bulk.merge.hint')}</span>
        </fieldset>
      )}
    </FormFrame>
  );
}

function CategoryForm(props: BulkFormProps) {
  const [categoryId, setCategoryId] = useState('');
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit
      build={() => ({ kind: 'set_category', categoryId: categoryId === '' ? null : categoryId })}
    >
      <CategoryField value={categoryId} onChange={setCategoryId} currentId={null} />
    </FormFrame>
  );
}

/** Adds a typed tag not yet turned into a chip (Enter was not pressed). */
function withDraft(tags: readonly string[], draft: string): string[] {
  const tag = draft.trim().slice(0, 50);
  return tag === '' || tags.some((x) => x.toLowerCase() === tag.toLowerCase())
    ? [...tags]
    : [...tags, tag];
}

function TagsForm(props: BulkFormProps) {
  const t = useT();
  const [add, setAdd] = useState<readonly string[]>([]);
  const [addDraft, setAddDraft] = useState('');
  const [remove, setRemove] = useState<readonly string[]>([]);
  const [removeDraft, setRemoveDraft] = useState('');
  const adding = withDraft(add, addDraft);
  const removing = withDraft(remove, removeDraft);
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit={adding.length + removing.length > 0}
      build={() => ({ kind: 'set_tags', add: adding, remove: removing })}
    >
      <TagChipsField
        label={t('bulk.tags.add')}
        tags={add}
        onTags={setAdd}
        draft={addDraft}
        onDraft={setAddDraft}
        inputLabel={t('bulk.tags.add')}
        autoFocus
      />
      <TagChipsField
        label={t('bulk.tags.remove')}
        tags={remove}
        onTags={setRemove}
        draft={removeDraft}
        onDraft={setRemoveDraft}
        inputLabel={t('bulk.tags.removeInput')}
      />
    </FormFrame>
  );
}

function PrivacyForm(props: BulkFormProps) {
  const [rahasia, setRahasia] = useState(false);
  const [anonim, setAnonim] = useState(false);
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit
      build={() => ({ kind: 'set_privacy', rahasia, anonim })}
    >
      <PrivacyFields
        rahasia={rahasia}
        setRahasia={setRahasia}
        anonim={anonim}
        setAnonim={setAnonim}
        wasAnonim={false}
      />
    </FormFrame>
  );
}

export function BulkForm({ kind, ...props }: BulkFormProps & { kind: BulkActionKind }) {
  switch (kind) {
    case 'dispose':
      return <DisposeForm {...props} />;
    case 'assign':
      return <AssignForm {...props} />;
    case 'tunda':
    case 'not_authority':
    case 'add_note':
      return <TextForm kind={kind} {...props} />;
    case 'archive':
      return <ArchiveForm {...props} />;
    case 'merge':
      return <MergeForm {...props} />;
    case 'set_category':
      return <CategoryForm {...props} />;
    case 'set_tags':
      return <TagsForm {...props} />;
    case 'set_privacy':
      return <PrivacyForm {...props} />;
    case 'reply':
      return <ReplyForm {...props} />;
    case 'approve_responses':
      return <ApproveForm {...props} />;
  }
}
