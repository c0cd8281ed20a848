// Where to dispose a report, as learned from the agency's past dispositions: up to three targets
// with the model's confidence and why ("Mengapa?": the category, location and words that weighed
// most). Presentational: the dispose dialog passes the answer and takes the pick.
//
// Keyboard: each suggestion is a button (Tab to it, Enter or Space picks it), and Alt+1, Alt+2,
// Alt+3 pick the first, second and third suggestion from anywhere while it is shown, the dialog's
// search field included (Alt+digit types nothing there).
import { useEffect } from 'react';
import type { RoutingReason, RoutingSuggestion } from '../../../src-shared/routing/routing-model';
import { assertNever } from '../../../src-shared/domain/assert-never';
import { useT, type Translate } from '../../i18n/i18n';
import type { RoutingAnswer } from '../../sync/inbox-service';

type Names = ReadonlyMap<string, { readonly name: string }>;

export interface RoutingSuggestionsProps {
  readonly answer: RoutingAnswer;
  /** Agencies and units by id, for the targets' names. */
  readonly agencies: Names;
  /** Categories by id, for category reasons; an unknown id is shown as it is. */
  readonly categories?: Names;
  /** The target currently chosen in the dialog, marked as pressed. */
  readonly chosen?: { readonly agencyId: string; readonly unitId: string | null } | null;
  readonly onPick: (agencyId: string, unitId: string | null) => void;
}

/** How many suggestions are shown, and picked with Alt+1 … Alt+MAX_SHOWN. */
const MAX_SHOWN = 3;

/** The suggestion index (0-based) an Alt+digit press picks, or null for any other key. */
export function altDigitIndex(
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>,
): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  // `code` first: with Alt (Option on a Mac) held, `key` may be another character ("¡").
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  const digit = match?.[1];
  if (digit === undefined) return null;
  const index = Number(digit) - 1;
  return index < MAX_SHOWN ? index : null;
}

export function RoutingSuggestions({
  answer,
  agencies,
  categories = new Map(),
  chosen = null,
  onPick,
}: RoutingSuggestionsProps) {
  const t = useT();
  const shown = shownOf(answer);

  useEffect(() => {
    const suggestions = shownOf(answer);
    if (suggestions.length === 0) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const index = altDigitIndex(event);
      const suggestion = index === null ? undefined : suggestions[index];
      if (suggestion === undefined) return;
      event.preventDefault();
      onPick(suggestion.agencyId, suggestion.unitId);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [answer, onPick]);

  return (
    <section className="routing" aria-label={t('routing.title')}>
      <h3 className="routing__title">{t('routing.title')}</h3>
      <RoutingBody
        answer={answer}
        shown={shown}
        agencies={agencies}
        categories={categories}
        chosen={chosen}
        onPick={onPick}
        t={t}
      />
    </section>
  );
}

function RoutingBody({
  answer,
  shown,
  agencies,
  categories,
  chosen,
  onPick,
  t,
}: {
  answer: RoutingAnswer;
  shown: readonly RoutingSuggestion[];
  agencies: Names;
  categories: Names;
  chosen: { readonly agencyId: string; readonly unitId: string | null } | null;
  onPick: RoutingSuggestionsProps['onPick'];
  t: Translate;
}) {
  switch (answer.status) {
    case 'learning':
      return (
        <p className="routing__state" role="status">
          {t('routing.learning')}
        </p>
      );
    case 'no-history':
      return <p className="routing__state">{t('routing.noHistory')}</p>;
    case 'ready':
      if (shown.length === 0) return <p className="routing__state">{t('routing.none')}</p>;
      return (
        <>
          <ol className="routing__list">
            {shown.map((suggestion, index) => {
              const key = `${suggestion.agencyId}/${suggestion.unitId ?? ''}`;
              const isChosen =
                chosen !== null &&
                chosen.agencyId === suggestion.agencyId &&
                chosen.unitId === suggestion.unitId;
              const shortcut = `Alt+${String(index + 1)}`;
              return (
                <li key={key} className="routing__item">
                  <button
                    type="button"
                    className="button routing__pick"
                    aria-keyshortcuts={shortcut}
                    aria-pressed={isChosen}
                    title={t('routing.support', { count: suggestion.support })}
                    onClick={() => {
                      onPick(suggestion.agencyId, suggestion.unitId);
                    }}
                  >
                    <span className="routing__target">
                      {nameOf(agencies, suggestion.agencyId)}
                      {suggestion.unitId !== null && (
                        <span className="routing__unit">{nameOf(agencies, suggestion.unitId)}</span>
                      )}
                    </span>
                    <span className="routing__confidence">
                      {confidenceText(suggestion.confidence, t)}
                    </span>
                    <kbd className="routing__key">{shortcut}</kbd>
                  </button>
                  <p className="routing__why">
                    <span className="routing__why-label">{t('routing.why')}</span>{' '}
                    {whyText(suggestion.reasons, categories, t)}
                  </p>
                </li>
              );
            })}
          </ol>
          <p className="routing__footer">
            {t('routing.trainedOn', { count: answer.trainedOn })} {t('routing.keys')}
          </p>
        </>
      );
    default:
      return assertNever(answer);
  }
}

function shownOf(answer: RoutingAnswer): readonly RoutingSuggestion[] {
  return answer.status === 'ready' ? answer.suggestions.slice(0, MAX_SHOWN) : [];
}

function nameOf(names: Names, id: string): string {
  return names.get(id)?.name ?? id;
}

function confidenceText(confidence: number, t: Translate): string {
  const percent = Math.round(confidence * 100);
  return percent < 1 ? t('routing.confidenceBelowOne') : t('routing.confidence', { percent });
}

/** The reasons as one line; a suggestion without any rests on how often it was chosen. */
function whyText(reasons: readonly RoutingReason[], categories: Names, t: Translate): string {
  if (reasons.length === 0) return t('routing.reason.frequent');
  return reasons
    .map((reason) => {
      switch (reason.kind) {
        case 'category':
          return t('routing.reason.category', { name: nameOf(categories, reason.value) });
        case 'location':
          return t('routing.reason.location', { value: reason.value });
        case 'word':
          return t('routing.reason.word', { word: reason.value });
        default:
          return assertNever(reason.kind);
      }
    })
    .join(', ');
}
