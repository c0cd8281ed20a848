// The deadline badge of a report: how long until (or since) it breaches its current stage.
import type { BreachOutlook } from '../../../src-shared/domain/sla-calendar';
import { useT } from '../../i18n/i18n';
import { slaBadgeText } from './sla-outlook';

export function SlaBadge({ outlook }: { outlook: BreachOutlook }) {
  const t = useT();
  return (
    <span className={`sla-badge sla-badge--${outlook.state}`} data-sla={outlook.state}>
      {slaBadgeText(t, outlook)}
    </span>
  );
}
