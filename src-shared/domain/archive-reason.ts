// Why a report was archived without being processed (DOMAIN.md): one of a fixed list, so the
// reasons can be counted and translated. Labels live in the i18n catalogue as `archiveReason.<code>`.

import { z } from 'zod';

export const archiveReasons = [
  'wrong_format',
  'too_general',
  'not_government_performance',
  'duplicate',
  'unintelligible',
  /** The reporter did not complete the data while the report was postponed (tunda). */
  'wait_period_expired',
] as const;
export const ArchiveReasonSchema = z.enum(archiveReasons);
export type ArchiveReason = z.infer<typeof ArchiveReasonSchema>;
