// The clock that marks a report with local changes the server has not confirmed yet.
import { useT } from '../../i18n/i18n';

export function PendingMarker() {
  const t = useT();
  const label = t('inbox.pendingMarker');
  return (
    <svg
      className="pending-marker"
      role="img"
      aria-label={label}
      viewBox="0 0 16 16"
      width="14"
      height="14"
    >
      <title>{label}</title>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
