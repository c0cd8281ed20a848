// Users and their roles. A role decides which workflow moves a user may make (report-workflow.ts);
// the agency decides where (the user's agency subtree).

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';

export const userRoles = [
  'admin_koordinator',
  'admin_instansi',
  'operator_unit',
  'pejabat_penghubung',
  'pimpinan',
  'pelatih',
  'peserta',
] as const;
export const UserRoleSchema = z.enum(userRoles);
export type UserRole = z.infer<typeof UserRoleSchema>;

/** Roles that exist only on simulation (training) servers. */
export const simulationRoles = ['pelatih', 'peserta'] as const satisfies readonly UserRole[];

export function isSimulationRole(role: UserRole): boolean {
  return (simulationRoles as readonly UserRole[]).includes(role);
}

export const UserSchema = z.strictObject({
  id: EntityIdSchema,
  username: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, 'username may only contain letters, digits and . _ -'),
  displayName: z.string().min(1).max(200),
  role: UserRoleSchema,
  agencyId: EntityIdSchema,
});
export type User = z.infer<typeof UserSchema>;
