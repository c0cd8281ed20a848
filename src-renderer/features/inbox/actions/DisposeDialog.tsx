// Verify and dispose (or re-dispose) a report: pick the target agency by typing part of its name
// (agencies in the operator's subtree), optionally one of its units, and add instructions. The
// target picker is shared with the bulk dispose dialog (features/bulk).
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

/** The target picker's state: typed search, chosen agency and unit, and what they resolve to. */
export interface DisposeTarget {
  readonly search: string;
  readonly setSearch: (search: string) => void;
  readonly candidates: readonly Agency[];
  /** The chosen agency, else the first candidate; '' when nothing matches. */
  readonly targetId: string;
  readonly choose: (agencyId: string) => void;
  readonly units: readonly Agency[];
  /** The chosen unit of the target agency; '' for none. */
  readonly unitId: string;
  readonly chooseUnit: (unitId: string) => void;
  /** Takes a target from elsewhere (a routing suggestion): the search is cleared to show it. */
  readonly pick: (agencyId: string, unitId: string | null) => void;
}

/** Disposition targets in the subtree of `rootId` (the operator's agency), by typed search. */
export function useDisposeTarget(
  agencies: ReadonlyMap<string, Agency>,
  rootId: string | null,
): DisposeTarget {
  const [search, setSearch] = useState('');
  const [chosen, choose] = useState<string>('');
  const [chosenUnit, chooseUnit] = useState('');
  const candidates = rootId === null ? [] : agencyCandidates(agencies, rootId, search);
  const targetId = candidates.some((a) => a.id === chosen) ? chosen : (candidates[0]?.id ?? '');
  const units = [...agencies.values()]
    .filter((a) => a.parentId === targetId && a.level === 'unit')
    .sort((a, b) => a.name.localeCompare(b.name));
  const unitId = units.some((u) => u.id === chosenUnit) ? chosenUnit : '';
  return {
    search,
    setSearch,
    candidates,
    targetId,
    choose,
    units,
    unitId,
    chooseUnit,
    pick(agencyId, unit) {
      setSearch('');
      choose(agencyId);
      chooseUnit(unit ?? '');
    },
  };
}

/** Search box, agency list and unit list of a disposition (one report or many). */
export function DisposeTargetFields({ target }: { target: DisposeTarget }) {
  const t = useT();
  const id = useId();
  return (
    <>
      <label className="form__field">
        <span>{t('action.dispose.search')}</span>
        <input
          type="search"
          value={target.search}
          autoFocus
          aria-controls={`${id}-agencies`}
          onChange={(event) => {
            target.setSearch(event.target.value);
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
          value={target.targetId}
          onChange={(event) => {
            target.choose(event.target.value);
          }}
        >
          {target.candidates.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
        {target.candidates.length === 0 && (
          <span className="form__hint">{t('action.dispose.noMatch')}</span>
        )}
      </label>
      <label className="form__field">
        <span>{t('action.dispose.unit')}</span>
        <select
          value={target.unitId}
          disabled={target.units.length === 0}
          onChange={(event) => {
            target.chooseUnit(event.target.value);
          }}
        >
          <option value="">{t('action.dispose.noUnit')}</option>
          {target.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
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
  const mutate = useInboxStore((s) => s.mutate);
  const user = useInboxStore((s) => s.user);
  const { agencies } = referenceMaps(useInboxStore((s) => s.reference));
  const target = useDisposeTarget(agencies, user?.agencyId ?? null);
  const [note, setNote] = useState('');
  const { targetId, unitId: unit } = target;

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
    </ActionDialog>
  );
}
