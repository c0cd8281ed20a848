// Verify and dispose (or re-dispose) a report: pick the target agency by typing part of its name
// (agencies in the operator's subtree), optionally one of its units, and add instructions.
import { useId, useState } from 'react';
import type { Agency } from '../../../../src-shared/domain/agency';
import { subtreeIds } from '../../../../src-shared/domain/parent-tree';
import type { Report } from '../../../../src-shared/domain/report';
import { useT } from '../../../i18n/i18n';
import { useInboxStore } from '../inbox-store';
import { referenceMaps } from '../reference-maps';
import { ActionDialog } from './ActionDialog';

/** Agencies (not units) in the subtree of `rootId` whose name contains every typed word. */
export function agencyCandidates(
  agencies: ReadonlyMap<string, Agency>,
  rootId: string,
  search: string,
): Agency[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return subtreeIds(agencies, rootId)
    .map((id) => agencies.get(id))
    .filter((a): a is Agency => a !== undefined && a.level !== 'unit')
    .filter((a) => words.every((w) => a.name.toLowerCase().includes(w)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function DisposeDialog({
  report,
  redispose,
  onClose,
}: {
  report: Report;
  redispose: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const mutate = useInboxStore((s) => s.mutate);
  const user = useInboxStore((s) => s.user);
  const { agencies } = referenceMaps(useInboxStore((s) => s.reference));
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string>('');
  const [unitId, setUnitId] = useState('');
  const [note, setNote] = useState('');

  const candidates = user === null ? [] : agencyCandidates(agencies, user.agencyId, search);
  const targetId = candidates.some((a) => a.id === chosen) ? chosen : (candidates[0]?.id ?? '');
  const units = [...agencies.values()]
    .filter((a) => a.parentId === targetId && a.level === 'unit')
    .sort((a, b) => a.name.localeCompare(b.name));
  const unit = units.some((u) => u.id === unitId) ? unitId : '';

  const submit = () => {
    const args = {
      reportId: report.id,
      targetAgencyId: targetId,
      ...(unit === '' ? {} : { targetUnitId: unit }),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    };
    return redispose ? mutate('report.redispose', args) : mutate('report.verifyDispose', args);
  };

  return (
    <ActionDialog
      reportId={report.id}
      title={redispose ? t('action.redispose') : t('action.verify_dispose')}
      submitLabel={t('action.dispose.submit')}
      canSubmit={targetId !== ''}
      onSubmit={submit}
      onClose={onClose}
    >
      <label className="form__field">
        <span>{t('action.dispose.search')}</span>
        <input
          type="search"
          value={search}
          autoFocus
          aria-controls={`${id}-agencies`}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              document.getElementById(`${id}-agencies`)?.focus();
            }
          }}
        />
      </label>
      <label className="form__field">
        <span>{t('action.dispose.agency')}</span>
        <select
          id={`${id}-agencies`}
          size={6}
          value={targetId}
          onChange={(event) => {
            setChosen(event.target.value);
          }}
        >
          {candidates.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
        {candidates.length === 0 && (
          <span className="form__hint">{t('action.dispose.noMatch')}</span>
        )}
      </label>
      <label className="form__field">
        <span>{t('action.dispose.unit')}</span>
        <select
          value={unit}
          disabled={units.length === 0}
          onChange={(event) => {
            setUnitId(event.target.value);
          }}
        >
          <option value="">{t('action.dispose.noUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
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
    </ActionDialog>
  );
}
