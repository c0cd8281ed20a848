// What a caller may see (docs/server-design.md, "Versions and scope"): the rows whose scope_path
// starts with the caller's agency path, plus the ancestors' agencies and agency templates.
import type { UserRole } from '../../src-shared/domain/user';
import { mayIdentifyReporters } from './rows';

export interface CallerScope {
  readonly userId: string;
  /** The caller's agency path, '/root/…/agency/'. */
  readonly path: string;
  /** The paths of the agencies above the caller's, root first (not including its own). */
  readonly ancestorPaths: readonly string[];
  /** Whether reporters' identities of non-anonymous reports may be sent to this caller. */
  readonly mayIdentify: boolean;
}

export function callerScope(user: { id: string; role: UserRole }, agencyPath: string): CallerScope {
  return {
    userId: user.id,
    path: agencyPath,
    ancestorPaths: ancestorPathsOf(agencyPath),
    mayIdentify: mayIdentifyReporters(user.role),
  };
}

/** '/a/b/c/' → ['/a/', '/a/b/']. */
export function ancestorPathsOf(path: string): string[] {
  const ids = path.split('/').filter((part) => part.length > 0);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Whether a row at `scopePath` lies in the subtree at `path`. */
export function isWithin(scopePath: string, path: string): boolean {
  return scopePath.startsWith(path);
}

/** A LIKE pattern matching every path that starts with `path` (LIKE's own characters escaped). */
export function prefixPattern(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Whether some caller who could see a row at `oldPath` cannot see it at `newPath`: then the move
 * leaves a tombstone at the old path (a caller at P sees a path iff it starts with P).
 */
export function leavesSomeScope(oldPath: string, newPath: string): boolean {
  return !newPath.startsWith(oldPath);
}
