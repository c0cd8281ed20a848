// Report categories (kesehatan, pendidikan, adminduk, …) form a tree maintained on the server;
// their names are data in Bahasa Indonesia, not UI strings, so they are not in the i18n catalogue.

import { z } from 'zod';
import { EntityIdSchema } from './entity-id';
import { ancestorIds } from './parent-tree';

export const CategorySchema = z.strictObject({
  id: EntityIdSchema,
  parentId: EntityIdSchema.nullable(),
  /** A stable slug such as `kesehatan` or `dana_desa`, for scenario packs and statistics. */
  code: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/, 'code may only contain a-z, 0-9 and _'),
  name: z.string().min(1).max(200),
  /** Retired categories stay for old reports but are not offered for new ones. */
  isActive: z.boolean(),
});
export type Category = z.infer<typeof CategorySchema>;

/** The categories from the root down to `id` (for a breadcrumb); empty when `id` is unknown. */
export function categoryPath(
  categoriesById: ReadonlyMap<string, Category>,
  id: string,
): Category[] {
  const self = categoriesById.get(id);
  if (self === undefined) return [];
  const ancestors = ancestorIds(categoriesById, id)
    .map((ancestorId) => categoriesById.get(ancestorId))
    .filter((category): category is Category => category !== undefined);
  return [...ancestors.reverse(), self];
}
