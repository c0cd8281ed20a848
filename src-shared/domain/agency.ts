// Agencies (instansi): the tree national → ministry/province → regency/city → OPD → unit, each
// with a time zone and settings where practice differs between agencies (rules as data).

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { TimeZoneSchema } from './time-zone';

export { ancestorIds, isInSubtree, subtreeIds } from './parent-tree';
export type { ParentPointer, ParentTree } from './parent-tree';

export const agencyLevels = [
  'national',
  'ministry',
  'province',
  'regency_city',
  'opd',
  'unit',
] as const;
export const AgencyLevelSchema = z.enum(agencyLevels);
export type AgencyLevel = z.infer<typeof AgencyLevelSchema>;

export const DEFAULT_AGENCY_SETTINGS = {
  /** Working days to resolve a report that needs no field check (DOMAIN.md: 14, agency may set). */
  resolutionDays: 14,
  /** Whether Admin Instansi may approve and publish responses without a Pejabat Penghubung. */
  adminsMayPublish: false,
  /**
   * Working days a postponed (tunda) report waits for the reporter before it may be archived.
   * The public guides do not agree on one number, so it is a setting; 10 is Posko's default.
   */
  pendingInfoWaitDays: 10,
} as const;

export const AgencySettingsSchema = z.strictObject({
  resolutionDays: z.int().min(1).max(60).default(DEFAULT_AGENCY_SETTINGS.resolutionDays),
  adminsMayPublish: z.boolean().default(DEFAULT_AGENCY_SETTINGS.adminsMayPublish),
  pendingInfoWaitDays: z.int().min(1).max(60).default(DEFAULT_AGENCY_SETTINGS.pendingInfoWaitDays),
});
export type AgencySettings = z.infer<typeof AgencySettingsSchema>;

export const AgencySchema = z.strictObject({
  id: EntityIdSchema,
  /** Null only for the root of the tree this server knows. */
  parentId: EntityIdSchema.nullable(),
  name: z.string().min(1).max(300),
  level: AgencyLevelSchema,
  timeZone: TimeZoneSchema,
  // prefault, not default: the empty object is parsed, so each setting gets its own default.
  settings: AgencySettingsSchema.prefault({}),
  version: z.int().nonnegative(),
});
export type Agency = z.infer<typeof AgencySchema>;

export function agenciesById(agencies: Iterable<Agency>): ReadonlyMap<string, Agency> {
  const byId = new Map<string, Agency>();
  for (const agency of agencies) byId.set(agency.id, agency);
  return byId;
}
