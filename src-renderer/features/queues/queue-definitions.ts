// The operator's queues (DOMAIN.md): one per status a role works, plus deadline views across them.
// Which role sees which queue is data here, so the sidebar and later the counts share one list.
import { userRoles, type UserRole } from '../../../src-shared/domain/user';
import type { MessageKey } from '../../i18n/i18n';

export type QueueId =
  | 'unverified'
  | 'pending_info'
  | 'disposed'
  | 'in_progress'
  | 'awaiting_approval'
  | 'responded'
  | 'not_authority'
  | 'completed'
  | 'archived'
  | 'due_today'
  | 'overdue'
  | 'assigned_to_me';

export interface QueueDefinition {
  id: QueueId;
  labelKey: MessageKey;
  group: 'status' | 'deadline';
  roles: readonly UserRole[];
}

const admins: readonly UserRole[] = ['admin_koordinator', 'admin_instansi', 'pelatih', 'peserta'];
const everyone: readonly UserRole[] = userRoles;
const processing: readonly UserRole[] = [
  ...admins,
  'operator_unit',
  'pejabat_penghubung',
  'pimpinan',
];

export const queueDefinitions: readonly QueueDefinition[] = [
  { id: 'due_today', labelKey: 'queue.due_today', group: 'deadline', roles: everyone },
  { id: 'overdue', labelKey: 'queue.overdue', group: 'deadline', roles: everyone },
  {
    id: 'assigned_to_me',
    labelKey: 'queue.assigned_to_me',
    group: 'deadline',
    roles: ['admin_instansi', 'operator_unit', 'pejabat_penghubung', 'pelatih', 'peserta'],
  },
  {
    id: 'unverified',
    labelKey: 'queue.unverified',
    group: 'status',
    roles: [...admins, 'pimpinan'],
  },
  {
    id: 'pending_info',
    labelKey: 'queue.pending_info',
    group: 'status',
    roles: [...admins, 'pimpinan'],
  },
  { id: 'disposed', labelKey: 'queue.disposed', group: 'status', roles: processing },
  { id: 'in_progress', labelKey: 'queue.in_progress', group: 'status', roles: processing },
  {
    id: 'awaiting_approval',
    labelKey: 'queue.awaiting_approval',
    group: 'status',
    roles: ['pejabat_penghubung', 'pelatih', 'peserta'],
  },
  { id: 'responded', labelKey: 'queue.responded', group: 'status', roles: processing },
  {
    id: 'not_authority',
    labelKey: 'queue.not_authority',
    group: 'status',
    roles: [...admins, 'pimpinan'],
  },
  { id: 'completed', labelKey: 'queue.completed', group: 'status', roles: everyone },
  { id: 'archived', labelKey: 'queue.archived', group: 'status', roles: [...admins, 'pimpinan'] },
];

export function queuesForRole(role: UserRole): QueueDefinition[] {
  return queueDefinitions.filter((q) => q.roles.includes(role));
}
