// The follow-up countdown in the report's detail: "Selesai otomatis dalam 7 hari kerja
// (12 Desember 2026) bila pelapor tidak menanggapi" for a responded report, "Tindak lanjut pertama
// jatuh tempo dalam 3 hari kerja (…)" while no response went out yet. Nothing when no follow-up
// clock runs (not yet disposed, paused, closed).
import { DEFAULT_AGENCY_SETTINGS } from '../../../src-shared/domain/agency';
import { followUpClock } from '../../../src-shared/domain/follow-up';
import type { Report } from '../../../src-shared/domain/report';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { useInboxStore } from '../inbox/inbox-store';
import { slaCalendar } from '../inbox/sla-outlook';
import { clockText } from './follow-up-format';
import './follow-up.css';

export function FollowUpCountdown({ report, now }: { report: Report; now: number }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  // The report's own agency decides the resolution limit, as the mutators do.
  const settings = useInboxStore(
    (s) => s.reference?.agencies.find((a) => a.id === report.agencyId)?.settings,
  );
  const clock = followUpClock(report, now, slaCalendar(), settings ?? DEFAULT_AGENCY_SETTINGS);
  const text = clockText(t, locale, clock);
  if (clock.state !== 'running' || text === null) return null;
  return (
    <p
      className={`follow-up-countdown follow-up-countdown--${clock.timing}`}
      data-testid="follow-up-countdown"
      data-kind={clock.kind}
      title={t('followUp.countdown.label')}
    >
      {text}
    </p>
  );
}
