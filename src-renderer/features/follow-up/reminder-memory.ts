// What the follow-up feature remembers per server profile on this device: the chosen window and
// the days the reminder was dismissed and the system notification shown, so each comes once a
// day. Stored as JSON in local storage and parsed on the way in (edited by hand, older format).
import { z } from 'zod';
import { DateKeySchema } from '../../../src-shared/domain/calendar-date';
import {
  DEFAULT_FOLLOW_UP_WINDOW,
  followUpWindows,
  type FollowUpWindow,
} from './follow-up-queries';

export interface ReminderMemory {
  readonly days: FollowUpWindow;
  /** The operator's local day (YYYY-MM-DD) the reminder was last dismissed. */
  readonly dismissedDay: string | null;
  /** The local day the last system notification was shown. */
  readonly notifiedDay: string | null;
}

const WindowSchema = z.literal(followUpWindows);

const ReminderMemorySchema = z.object({
  days: WindowSchema.catch(DEFAULT_FOLLOW_UP_WINDOW),
  dismissedDay: DateKeySchema.nullable().catch(null),
  notifiedDay: DateKeySchema.nullable().catch(null),
});

export const initialReminderMemory = (): ReminderMemory => ({
  days: DEFAULT_FOLLOW_UP_WINDOW,
  dismissedDay: null,
  notifiedDay: null,
});

export function reminderMemoryKey(profileId: string): string {
  return `posko.followUp.${profileId}`;
}

export function loadReminderMemory(storage: Storage | null, profileId: string): ReminderMemory {
  const raw = storage?.getItem(reminderMemoryKey(profileId));
  if (raw === null || raw === undefined) return initialReminderMemory();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return initialReminderMemory();
  }
  const parsed = ReminderMemorySchema.safeParse(value);
  return parsed.success ? parsed.data : initialReminderMemory();
}

export function saveReminderMemory(
  storage: Storage | null,
  profileId: string,
  memory: ReminderMemory,
): void {
  try {
    storage?.setItem(reminderMemoryKey(profileId), JSON.stringify(memory));
  } catch {
    // A full or unavailable storage costs only the memory: the reminder may come again today.
  }
}
