// Ancestry and subtree queries on trees stored as parent pointers (agencies, categories). Synced
// data may be partial or malformed, so unknown ids and cycles answer "not in the subtree".

export interface ParentPointer {
  readonly parentId: string | null;
}

/** Nodes by id. */
export type ParentTree = ReadonlyMap<string, ParentPointer>;

/** The ancestors of `id`, nearest first, not including `id`; stops at a missing parent or a cycle. */
export function ancestorIds(tree: ParentTree, id: string): string[] {
  const ancestors: string[] = [];
  const seen = new Set<string>([id]);
  let parentId = tree.get(id)?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    ancestors.push(parentId);
    seen.add(parentId);
    parentId = tree.get(parentId)?.parentId ?? null;
  }
  return ancestors;
}

/** Whether `id` is `ancestorId` itself or lies below it. Unknown ids are outside every subtree. */
export function isInSubtree(tree: ParentTree, ancestorId: string, id: string): boolean {
  if (!tree.has(id) || !tree.has(ancestorId)) return false;
  return id === ancestorId || ancestorIds(tree, id).includes(ancestorId);
}

/** `rootId` and every node below it, breadth first; empty when `rootId` is unknown. */
export function subtreeIds(tree: ParentTree, rootId: string): string[] {
  if (!tree.has(rootId)) return [];
  const children = new Map<string, string[]>();
  for (const [id, node] of tree) {
    if (node.parentId === null) continue;
    const siblings = children.get(node.parentId);
    if (siblings === undefined) children.set(node.parentId, [id]);
    else siblings.push(id);
  }
  const result = [rootId];
  const seen = new Set(result);
  for (let i = 0; i < result.length; i++) {
    for (const child of children.get(result[i] ?? '') ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      result.push(child);
    }
  }
  return result;
}
