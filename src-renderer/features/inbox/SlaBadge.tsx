// The deadline badge of a report: how long until (or since) it breaches its current stage.
import type { BreachOutlook } from '../../../src-shared/domain/sla-calendar';
import { useT } from '../../i18n/i18n';
import { slaBadgeText } from './sla-outlook';

export function SlaBadge({
  outlook,
  compact = false,
}: {
  outlook: BreachOutlook;
  /** In the list: "Terlambat 12 HK", with the full text as its title. */
  compact?: boolean;
}) {
  const t = useT();
  const full = slaBadgeText(t, outlook);
  return (
    <span
      className={`sla-badge sla-badge--${outlook.state}`}
      data-sla={outlook.state}
      title={compact ? full : undefined}
      aria-label={compact ? full : undefined}
    >
      {compact ? slaBadgeText(t, outlook, true) : full}
    </span>
  );
}
