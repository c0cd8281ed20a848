// What the operator asks the inbox for: a queue, filters, a sort and a search text. Shared by the
// UI (which builds queries), the inbox model (which answers them) and the benchmarks.

import { z } from 'zod';
import { EntityIdSchema } from '../domain/entity-id';
import {
  ReportChannelSchema,
  ReportTypeSchema,
  reportChannels,
  reportTypes,
  type ReportChannel,
  type ReportType,
} from '../domain/report';
import { MAX_RESOLUTION_WORKING_DAYS } from '../domain/sla-calendar';
import { userRoles, type UserRole } from '../domain/user';

export const queueIds = [
  'due_today',
  'overdue',
  'assigned_to_me',
  'unverified',
  'pending_info',
  'disposed',
  'in_progress',
  'awaiting_approval',
  'responded',
  'not_authority',
  'completed',
  'archived',
] as const;
export type QueueId = (typeof queueIds)[number];

export interface QueueDefinition {
  readonly id: QueueId;
  readonly group: 'status' | 'deadline';
  readonly roles: readonly UserRole[];
}

const admins: readonly UserRole[] = ['admin_koordinator', 'admin_instansi', 'pelatih', 'peserta'];
const processing: readonly UserRole[] = [
  ...admins,
  'operator_unit',
  'pejabat_penghubung',
  'pimpinan',
];

/** Which role works which queue (DOMAIN.md), in sidebar order. */
export const queueDefinitions: readonly QueueDefinition[] = [
  { id: 'due_today', group: 'deadline', roles: userRoles },
  { id: 'overdue', group: 'deadline', roles: userRoles },
  {
    id: 'assigned_to_me',
    group: 'deadline',
    roles: ['admin_instansi', 'operator_unit', 'pejabat_penghubung', 'pelatih', 'peserta'],
  },
  { id: 'unverified', group: 'status', roles: [...admins, 'pimpinan'] },
  { id: 'pending_info', group: 'status', roles: [...admins, 'pimpinan'] },
  { id: 'disposed', group: 'status', roles: processing },
  { id: 'in_progress', group: 'status', roles: processing },
  {
    id: 'awaiting_approval',
    group: 'status',
    roles: ['pejabat_penghubung', 'pelatih', 'peserta'],
  },
  { id: 'responded', group: 'status', roles: processing },
  { id: 'not_authority', group: 'status', roles: [...admins, 'pimpinan'] },
  { id: 'completed', group: 'status', roles: userRoles },
  { id: 'archived', group: 'status', roles: [...admins, 'pimpinan'] },
];

export function queuesForRole(role: UserRole): QueueDefinition[] {
  return queueDefinitions.filter((q) => q.roles.includes(role));
}

/**
 * breach: time to breach, soonest first (reports without a running deadline last);
 * arrival: createdAt; agency: agency name then time to breach; category: category name then
 * time to breach.
 */
export const sortKeys = ['breach', 'arrival', 'agency', 'category'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'asc' | 'desc';

export type PrivacyFilter = 'rahasia' | 'anonim' | 'public';

/** Filters combine with AND; values inside one filter with OR. Absent or empty = no filter. */
export interface InboxFilters {
  /** Agencies or units: a report matches when its agencyId or unitId is in the subtree of one. */
  readonly agencyIds?: readonly string[];
  readonly categoryIds?: readonly string[];
  readonly channels?: readonly ReportChannel[];
  readonly types?: readonly ReportType[];
  readonly privacy?: readonly PrivacyFilter[];
  /** createdAt ≥ from (epoch ms, inclusive). */
  readonly createdFrom?: number;
  /** createdAt < to (epoch ms, exclusive). */
  readonly createdTo?: number;
  /** Only reports with pending local changes. */
  readonly pendingOnly?: boolean;
  /**
   * Only reports whose current deadline (`dueAt`) is at most this many working days away in the
   * report's time zone, overdue ones included (0 = due today or overdue); a report with no
   * deadline or a paused clock never matches. Same count as domain/follow-up.ts.
   */
  readonly dueWithinWorkingDays?: number;
}

export interface InboxQuery {
  readonly queue: QueueId;
  readonly sort: SortKey;
  readonly direction: SortDirection;
  readonly filters: InboxFilters;
  /** Free text: tracking number, title, body, location. Empty = no search. */
  readonly search: string;
}

export const defaultInboxQuery = (queue: QueueId): InboxQuery => ({
  queue,
  sort: 'breach',
  direction: 'asc',
  filters: {},
  search: '',
});

// ---------------------------------------------------------------------------------------------
// Parsing a query that crossed an edge (a saved view pulled from the server or pushed to it)

export const privacyFilters = ['rahasia', 'anonim', 'public'] as const;
/** The longest search text a stored query keeps. */
export const SEARCH_TEXT_MAX = 500;
/** At most this many agencies or categories in one filter (a picker never offers more). */
const FILTER_IDS_MAX = 500;

/**
 * InboxFilters as zod: absent keys stay absent (exactOptional), unknown keys are refused, lists
 * are readonly so an InboxQuery the UI holds is a query the schema describes.
 */
export const InboxFiltersSchema = z.strictObject({
  agencyIds: z.array(EntityIdSchema).max(FILTER_IDS_MAX).readonly().exactOptional(),
  categoryIds: z.array(EntityIdSchema).max(FILTER_IDS_MAX).readonly().exactOptional(),
  channels: z.array(ReportChannelSchema).max(reportChannels.length).readonly().exactOptional(),
  types: z.array(ReportTypeSchema).max(reportTypes.length).readonly().exactOptional(),
  privacy: z.array(z.enum(privacyFilters)).max(privacyFilters.length).readonly().exactOptional(),
  // Any instant, not only after 1970: a date typed into the filter is kept as it was typed.
  createdFrom: z.int().exactOptional(),
  createdTo: z.int().exactOptional(),
  pendingOnly: z.boolean().exactOptional(),
  dueWithinWorkingDays: z.int().min(0).max(MAX_RESOLUTION_WORKING_DAYS).exactOptional(),
}) satisfies z.ZodType<InboxFilters>;

export const InboxQuerySchema = z.strictObject({
  queue: z.enum(queueIds),
  sort: z.enum(sortKeys),
  direction: z.enum(['asc', 'desc']),
  filters: InboxFiltersSchema,
  search: z.string().max(SEARCH_TEXT_MAX),
}) satisfies z.ZodType<InboxQuery>;

/** Report counts per queue (the sidebar). */
export type QueueCounts = Readonly<Record<QueueId, number>>;
