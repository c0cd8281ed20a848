// A day off that stops SLA clocks: a national public holiday (libur nasional) or a collective leave
// day (cuti bersama). Agencies may add local entries in the same shape.

import { z } from 'zod';
import { DateKeySchema } from './calendar-date';

export const holidayKinds = ['libur_nasional', 'cuti_bersama'] as const;
export const HolidayKindSchema = z.enum(holidayKinds);
export type HolidayKind = z.infer<typeof HolidayKindSchema>;

export const HolidaySchema = z.strictObject({
  date: DateKeySchema,
  /** The official name in Bahasa Indonesia. */
  name: z.string().min(1).max(200),
  kind: HolidayKindSchema,
});
export type Holiday = z.infer<typeof HolidaySchema>;
