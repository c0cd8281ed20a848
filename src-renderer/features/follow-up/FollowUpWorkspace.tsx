// Follow-ups in the workspace, mounted once: attaches the follow-up store to the inbox service for
// the signed-in profile, registers "open the follow-up list" (`g f`, and in the palette), and
// shows the panel. The entry and the daily reminder sit in the sidebar (FollowUpSidebarEntry).
// Renders nothing for roles that do not follow up.
import { useEffect } from 'react';
import type { SessionUser } from '../../../src-shared/api/auth';
import { useLocaleStore, useT } from '../../i18n/i18n';
import type { InboxService } from '../../sync/inbox-service';
import { useCommands } from '../commands/command-registry';
import { useInboxStore } from '../inbox/inbox-store';
import { FollowUpPanel } from './FollowUpPanel';
import { useFollowUpStore, worksFollowUps, type FollowUpDeps } from './follow-up-store';
import './follow-up.css';

/** `g f`: "go to follow-ups", beside the queues' `g` letters. */
export const FOLLOW_UP_KEYS = 'g f';

function FollowUpCommand() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setOpen = useFollowUpStore((s) => s.setOpen);
  useCommands(
    [
      {
        id: 'navigation.followUp',
        group: 'navigation',
        label: t('followUp.command'),
        keys: FOLLOW_UP_KEYS,
        keywords: t('followUp.keywords').split(' '),
        run: () => {
          setOpen(true);
        },
      },
    ],
    locale,
  );
  return null;
}

export function FollowUpWorkspace({
  service,
  profileId,
  user,
  onOpened,
  deps,
}: {
  service: InboxService;
  profileId: string;
  user: Pick<SessionUser, 'role' | 'agencyId'>;
  /** After a report was opened from the list (the layout focuses its detail). */
  onOpened: () => void;
  deps?: FollowUpDeps;
}) {
  const role = user.role;
  const isFollowingUp = worksFollowUps(role);
  useEffect(() => {
    if (!isFollowingUp) return undefined;
    return useFollowUpStore.getState().attach(service, { profileId, role }, deps);
  }, [service, profileId, role, isFollowingUp, deps]);

  // "Today" for the reminder is the operator's own agency's day.
  const timeZone = useInboxStore(
    (s) => s.reference?.agencies.find((a) => a.id === user.agencyId)?.timeZone,
  );
  useEffect(() => {
    if (timeZone !== undefined) useFollowUpStore.getState().setTimeZone(timeZone);
  }, [timeZone]);

  if (!isFollowingUp) return null;
  return (
    <>
      <FollowUpCommand />
      <FollowUpPanel onOpened={onOpened} />
    </>
  );
}
