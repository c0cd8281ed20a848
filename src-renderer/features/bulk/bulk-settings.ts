// The agency settings that widen who may take a bulk action (an admin publishing where the agency
// allows it): the signed-in operator's own agency's, from the reference data.
import { DEFAULT_AGENCY_SETTINGS } from '../../../src-shared/domain/agency';
import { useInboxStore } from '../inbox/inbox-store';
import { referenceMaps } from '../inbox/reference-maps';
import type { BulkSettings } from './bulk-catalog';

export function useBulkSettings(): BulkSettings {
  const agencyId = useInboxStore((s) => s.user?.agencyId ?? null);
  const { agencies } = referenceMaps(useInboxStore((s) => s.reference));
  const settings = agencyId === null ? undefined : agencies.get(agencyId)?.settings;
  return { adminsMayPublish: (settings ?? DEFAULT_AGENCY_SETTINGS).adminsMayPublish };
}
