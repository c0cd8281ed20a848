import { describe, expect, it } from 'vitest';
import {
  queueDefinitions,
  queuesForRole,
} from '../../../../../src-renderer/features/queues/queue-definitions';
import { userRoles } from '../../../../../src-shared/domain/user';

const ids = (role: Parameters<typeof queuesForRole>[0]) => queuesForRole(role).map((q) => q.id);

describe('queue definitions', () => {
  it('gives every role at least the deadline views and the completed queue', () => {
    for (const role of userRoles) {
      expect(ids(role), role).toEqual(
        expect.arrayContaining(['due_today', 'overdue', 'completed']),
      );
    }
  });

  it('shows the approval queue only to those who approve responses', () => {
    expect(ids('pejabat_penghubung')).toContain('awaiting_approval');
    expect(ids('admin_instansi')).not.toContain('awaiting_approval');
    expect(ids('operator_unit')).not.toContain('awaiting_approval');
  });

  it('shows verification queues to admins and not to unit operators', () => {
    expect(ids('admin_instansi')).toContain('unverified');
    expect(ids('admin_koordinator')).toContain('not_authority');
    expect(ids('operator_unit')).not.toContain('unverified');
  });

  it('names only roles that exist', () => {
    for (const queue of queueDefinitions) {
      for (const role of queue.roles) expect(userRoles).toContain(role);
    }
  });
});
