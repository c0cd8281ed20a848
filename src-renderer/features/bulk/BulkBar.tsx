// The toolbar over the list while reports are selected: "137 laporan dipilih" and one button per
// bulk action the operator's role may take, each with its key. The same actions are registered
// as commands (group 'bulk') for the key dispatcher and the palette, only while there is a
// selection.
import { useLocaleStore, useT } from '../../i18n/i18n';
import { useCommands, type Command } from '../commands/command-registry';
import { ariaKeyShortcuts, formatKeys } from '../commands/key-chords';
import { useInboxStore } from '../inbox/inbox-store';
import { selectSelectedCount, useSelectionStore } from '../selection/selection-store';
import { bulkActionsForRole, bulkKeys, bulkLabelKey } from './bulk-catalog';
import { formatCount } from './bulk-format';
import { useBulkSettings } from './bulk-settings';
import { useBulkStore } from './bulk-store';
import type { BulkActionKind } from '../../../src-shared/bulk/bulk-action';

function openBulk(kind: BulkActionKind): void {
  useBulkStore.getState().openDialog(kind, [...useSelectionStore.getState().ids]);
}

export function BulkBar() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const count = useSelectionStore(selectSelectedCount);
  const role = useInboxStore((s) => s.user?.role ?? null);
  const settings = useBulkSettings();
  const kinds = role === null ? [] : bulkActionsForRole(role, settings);
  const shown = formatCount(locale, count);

  const commands: Command[] =
    count === 0
      ? []
      : kinds.map((kind) => ({
          id: `bulk.${kind}`,
          group: 'bulk',
          label: t('bulk.command', { action: t(bulkLabelKey(kind)), count: shown }),
          keys: bulkKeys[kind],
          keywords: ['massal', 'bulk'],
          run: () => {
            openBulk(kind);
          },
        }));
  useCommands(commands, `${shown}|${kinds.join(',')}|${locale}`);

  if (count === 0) return null;
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.bar')} data-testid="bulk-bar">
      <span className="bulk-bar__count" data-testid="bulk-count">
        {t('bulk.count', { count: shown })}
      </span>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className="button button--small"
          data-bulk-action={kind}
          aria-keyshortcuts={ariaKeyShortcuts(bulkKeys[kind])}
          onClick={() => {
            openBulk(kind);
          }}
        >
          {t(bulkLabelKey(kind))}{' '}
          <kbd aria-hidden="true">{formatKeys(bulkKeys[kind]).join(' ')}</kbd>
        </button>
      ))}
    </div>
  );
}
