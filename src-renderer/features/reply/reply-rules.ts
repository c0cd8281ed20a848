// Who may write, send and review a report's response, which of its responses the composer and the
// approval panel work on, and where a reopened composer starts. The mutators decide for real
// (src-shared/sync/mutators.ts): these rules only keep the UI from offering what they refuse.
import type { SessionUser } from '../../../src-shared/api/auth';
import {
  DEFAULT_AGENCY_SETTINGS,
  isInSubtree,
  type Agency,
} from '../../../src-shared/domain/agency';
import { reportLocationId, type Report } from '../../../src-shared/domain/report';
import { workflowRolesOf } from '../../../src-shared/domain/report-workflow';
import type { ReportResponse } from '../../../src-shared/domain/response';
import type { TemplateFills } from '../../../src-shared/domain/templating/template-context-build';
import type { UserRole } from '../../../src-shared/domain/user';
import type { LocalReplyDraft } from './reply-draft-store';

// ---------------------------------------------------------------------------------------------
// Rights

/** The roles that write responses (RESPONSE_AUTHORS of the mutators). */
const RESPONSE_AUTHORS: readonly UserRole[] = [
  'admin_instansi',
  'operator_unit',
  'pejabat_penghubung',
];

export interface ReplyRights {
  /** May draft and send a response (submitted for approval, or published when `mayPublish`). */
  readonly mayWrite: boolean;
  /** May approve, return and publish: a liaison officer, or an admin where the agency allows. */
  readonly mayPublish: boolean;
}

const NO_RIGHTS: ReplyRights = { mayWrite: false, mayPublish: false };

export function replyRights(
  report: Report,
  user: Pick<SessionUser, 'role' | 'agencyId'>,
  agencies: ReadonlyMap<string, Agency>,
): ReplyRights {
  // Responses are worked on while the report is in progress (requireInProgress).
  if (report.status !== 'in_progress') return NO_RIGHTS;
  const inScope =
    agencies.size > 0
      ? isInSubtree(agencies, user.agencyId, reportLocationId(report))
      : user.agencyId === report.agencyId || user.agencyId === report.unitId;
  if (!inScope) return NO_RIGHTS;
  const roles = workflowRolesOf(user.role);
  const adminsMayPublish =
    agencies.get(report.agencyId)?.settings.adminsMayPublish ??
    DEFAULT_AGENCY_SETTINGS.adminsMayPublish;
  return {
    mayWrite: roles.some((role) => RESPONSE_AUTHORS.includes(role)),
    mayPublish:
      roles.includes('pejabat_penghubung') ||
      (adminsMayPublish && roles.includes('admin_instansi')),
  };
}

// ---------------------------------------------------------------------------------------------
// The report's responses

type InState<S extends ReportResponse['state']> = Extract<ReportResponse, { state: S }>;
export type EditableResponse = InState<'draft' | 'returned'>;

export interface ReplyResponses {
  /**
   * The user's newest draft or returned response: the one the composer continues. Only its
   * author sends a draft (response.send), so a colleague's draft is not continued.
   */
  readonly editable: EditableResponse | null;
  /** The newest response waiting for a liaison officer. */
  readonly submitted: InState<'submitted'> | null;
  /** Approved but not yet published (approved without publishing in one step). */
  readonly approved: InState<'approved'> | null;
}

function newest<T extends ReportResponse>(responses: readonly T[]): T | null {
  let found: T | null = null;
  for (const response of responses) {
    if (found === null || response.updatedAt >= found.updatedAt) found = response;
  }
  return found;
}

export function replyResponses(
  responses: readonly ReportResponse[],
  userId: string,
): ReplyResponses {
  return {
    editable: newest(
      responses.filter(
        (r): r is EditableResponse =>
          (r.state === 'draft' || r.state === 'returned') && r.authorId === userId,
      ),
    ),
    submitted: newest(responses.filter((r): r is InState<'submitted'> => r.state === 'submitted')),
    approved: newest(responses.filter((r): r is InState<'approved'> => r.state === 'approved')),
  };
}

// ---------------------------------------------------------------------------------------------
// Where the composer starts

export interface ComposerStart {
  readonly responseId: string;
  readonly templateId: string | null;
  readonly source: string;
  readonly fills: TemplateFills;
  /** The reviewer's comment when it continues a returned response. */
  readonly returnComment: string | null;
  /** local: this device's draft; synced: the draft or returned response's body; new: nothing. */
  readonly from: 'local' | 'synced' | 'new';
  /** The device's draft was for a response that has since been sent: drop it. */
  readonly isLocalStale: boolean;
}

/**
 * The local draft first (it holds the template and the fills), unless its response was sent
 * meanwhile; else the synced draft or returned response, whose body (holes kept as `{{name}}`)
 * becomes the source; else an empty composer for a new response.
 */
export function composerStart(
  local: LocalReplyDraft | null,
  responses: readonly ReportResponse[],
  userId: string,
  newResponseId: string,
): ComposerStart {
  const { editable } = replyResponses(responses, userId);
  const comment = editable?.state === 'returned' ? editable.returnComment : null;
  const known = local === null ? undefined : responses.find((r) => r.id === local.responseId);
  const isLocalStale =
    known !== undefined &&
    ((known.state !== 'draft' && known.state !== 'returned') || known.authorId !== userId);
  if (local !== null && !isLocalStale) {
    return {
      // Not synced yet while someone else's draft appeared: continue that one, not a second.
      responseId: known === undefined && editable !== null ? editable.id : local.responseId,
      templateId: local.templateId,
      source: local.source,
      fills: local.fills,
      returnComment:
        known?.state === 'returned' ? known.returnComment : (local.returnComment ?? comment),
      from: 'local',
      isLocalStale: false,
    };
  }
  if (editable !== null) {
    return {
      responseId: editable.id,
      templateId: null,
      source: editable.body,
      fills: {},
      returnComment: comment,
      from: 'synced',
      isLocalStale,
    };
  }
  return {
    responseId: newResponseId,
    templateId: null,
    source: '',
    fills: {},
    returnComment: null,
    from: 'new',
    isLocalStale,
  };
}
