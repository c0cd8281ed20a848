// Dashboard figures (`GET /api/v1/stats?from&to`): per agency and unit in the caller's subtree,
// the numbers agencies are judged by (DOMAIN.md): incoming, completed, completion rate (tingkat
// penyelesaian), median time to first response, and deadline breaches.
import { z } from 'zod';
import { AgencyLevelSchema } from '../domain/agency';
import { EntityIdSchema } from '../domain/entity-id';
import { EpochMsSchema } from '../domain/epoch-ms';

/** The longest range one request may ask for (a little over two years). */
export const MAX_STATS_RANGE_MS = 800 * 86_400_000;

/** `from` inclusive, `to` exclusive, both epoch milliseconds (query strings, so coerced). */
export const StatsQuerySchema = z
  .strictObject({
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().nonnegative(),
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['to'] })
  .refine((q) => q.to - q.from <= MAX_STATS_RANGE_MS, {
    message: 'the range may span at most 800 days',
    path: ['to'],
  });
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

/**
 * Figures of one agency, including everything below it (an OPD's row counts its units' reports).
 * A report counts where it is now (its unit, else its agency).
 */
export const AgencyStatsSchema = z.object({
  agencyId: EntityIdSchema,
  parentId: EntityIdSchema.nullable(),
  name: z.string(),
  level: AgencyLevelSchema,
  /** Reports that arrived in the range. */
  incoming: z.int().nonnegative(),
  /** Reports completed (status `completed`) in the range, whenever they arrived. */
  completed: z.int().nonnegative(),
  /**
   * Tingkat penyelesaian: of the reports that arrived in the range and were not archived, the
   * share completed by now (0…1); null when no such report arrived.
   */
  completionRate: z.number().min(0).max(1).nullable(),
  /**
   * Median wall-clock milliseconds from arrival to the first published response, over the
   * reports whose first response was published in the range; null when there were none.
   */
  medianFirstResponseMs: z.number().nonnegative().nullable(),
  /**
   * Reports that arrived in the range and missed a deadline, or are past one and still waiting:
   * verification (3 working days), first follow-up (5) or resolution (the agency's limit, or the
   * extended one). Judged with the SLA calendar from the stored stage timestamps.
   */
  breaches: z.int().nonnegative(),
  /** Open reports past their current deadline now (paused and responded reports excluded). */
  overdueNow: z.int().nonnegative(),
});
export type AgencyStats = z.infer<typeof AgencyStatsSchema>;

export const StatsResponseSchema = z.object({
  from: EpochMsSchema,
  to: EpochMsSchema,
  generatedAt: EpochMsSchema,
  /** The caller's agency first, then its subtree, parents before children. */
  agencies: z.array(AgencyStatsSchema),
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;
