// Ranges in list order: the reports between the anchor (the last one toggled) and a target,
// either direction, both included. Pure, on the list's ids in order.

/**
 * The ids from `anchorId` to `targetId` in list order, both included. An anchor that is not in
 * the list (it left the queue, or was chosen in another one) makes the range the target alone;
 * a target not in the list makes it empty.
 */
export function rangeBetween(ids: readonly string[], anchorId: string, targetId: string): string[] {
  const target = ids.indexOf(targetId);
  if (target < 0) return [];
  return rangeToIndex(ids, anchorId, target);
}

/** As rangeBetween, with the target given by its index in the list. */
export function rangeToIndex(
  ids: readonly string[],
  anchorId: string,
  targetIndex: number,
): string[] {
  if (targetIndex < 0 || targetIndex >= ids.length) return [];
  const anchor = ids.indexOf(anchorId);
  if (anchor < 0) return ids.slice(targetIndex, targetIndex + 1);
  return ids.slice(Math.min(anchor, targetIndex), Math.max(anchor, targetIndex) + 1);
}
