// The report's template context as the composer renders it: the detail, the reference data, the
// signed-in operator as petugas, the inbox clock and the national working-day calendar (the one
// the deadline badges use), plus the snippets the operator's templates provide. The kind of the
// chosen template decides which deadline `batas_waktu` is (template-context-build.ts).
import { useMemo } from 'react';
import type { SessionUser } from '../../../src-shared/api/auth';
import type { TemplateKind } from '../../../src-shared/domain/template';
import type { TemplateContext } from '../../../src-shared/domain/templating/template-context';
import { snippetsOf } from '../../../src-shared/domain/templating/template-context-build';
import type { TemplateSnippets } from '../../../src-shared/domain/templating/template-render';
import type { ReferenceData, ReportDetail } from '../../sync/inbox-service';
import { reportTemplateContext } from '../templates/template-preview';

export interface ReplyContext {
  readonly context: TemplateContext;
  readonly snippets: TemplateSnippets;
}

export function useReplyContext(
  detail: ReportDetail,
  reference: ReferenceData | null,
  user: Pick<SessionUser, 'id'>,
  now: number,
  kind: TemplateKind | null,
): ReplyContext {
  const { report, dispositions } = detail;
  const userId = user.id;
  const context = useMemo(
    () => reportTemplateContext({ report, dispositions }, reference, userId, now, kind),
    [report, dispositions, reference, userId, now, kind],
  );
  const snippets = useMemo(
    () => snippetsOf(reference?.templates ?? [], userId),
    [reference, userId],
  );
  return { context, snippets };
}
