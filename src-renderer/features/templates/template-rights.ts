// Who may change which template, decided as the template mutators decide (templateRights in
// src-shared/sync/mutators.ts): the editor offers editing only where a save would be accepted, and
// shows everything else read-only.
import type { SessionUser } from '../../../src-shared/api/auth';
import { isInSubtree, type Agency } from '../../../src-shared/domain/agency';
import type { Template, TemplateScope } from '../../../src-shared/domain/template';
import type { UserRole } from '../../../src-shared/domain/user';

export type TemplateUser = Pick<SessionUser, 'id' | 'role' | 'agencyId'>;

/** Agency templates are the admins' (shared wording of the agency). */
const AGENCY_TEMPLATE_ROLES: readonly UserRole[] = ['admin_koordinator', 'admin_instansi'];
/** Personal templates: anyone who writes for the agency; pimpinan only reads. */
const PERSONAL_TEMPLATE_ROLES: readonly UserRole[] = [
  ...AGENCY_TEMPLATE_ROLES,
  'operator_unit',
  'pejabat_penghubung',
];

/** The scopes `role` may create templates in, agency first. */
export function creatableScopes(role: UserRole): TemplateScope[] {
  const scopes: TemplateScope[] = [];
  if (AGENCY_TEMPLATE_ROLES.includes(role)) scopes.push('agency');
  if (PERSONAL_TEMPLATE_ROLES.includes(role)) scopes.push('personal');
  return scopes;
}

/** Whether `user` may save (and delete) `template`. */
export function canEditTemplate(
  user: TemplateUser,
  template: Template,
  agencies: ReadonlyMap<string, Agency>,
): boolean {
  switch (template.scope) {
    case 'agency':
      return (
        AGENCY_TEMPLATE_ROLES.includes(user.role) &&
        isInSubtree(agencies, user.agencyId, template.agencyId)
      );
    case 'personal':
      return PERSONAL_TEMPLATE_ROLES.includes(user.role) && template.ownerId === user.id;
  }
}
