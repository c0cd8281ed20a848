// Catalogue keys of the template vocabulary (kinds, scopes, syntax errors) and the sentences the
// editor lists problems with, "baris 3, kolom 12" included. The reply composer may use these too.
import type { TemplateKind, TemplateScope } from '../../../src-shared/domain/template';
import type { TemplateVariableUse } from '../../../src-shared/domain/templating/template-render';
import type { TemplateError } from '../../../src-shared/domain/templating/template-syntax';
import type { MessageKey, Translate } from '../../i18n/i18n';

export function templateKindLabelKey(kind: TemplateKind): MessageKey {
  return `templates.kind.${kind}`;
}

export function templateScopeLabelKey(scope: TemplateScope): MessageKey {
  return `templates.scope.${scope}`;
}

export function templateErrorKey(error: Pick<TemplateError, 'code'>): MessageKey {
  return `templates.error.${error.code}`;
}

export function positionText(t: Translate, at: { line: number; column: number }): string {
  return t('templates.position', { line: at.line, column: at.column });
}

/** "Kesalahan sintaks pada baris 2, kolom 5: …" (or in which snippet). */
export function syntaxErrorText(t: Translate, error: TemplateError): string {
  const params = { position: positionText(t, error), message: t(templateErrorKey(error)) };
  return error.snippet === undefined
    ? t('templates.problem.syntax', params)
    : t('templates.problem.syntaxInSnippet', { ...params, snippet: error.snippet });
}

export function unknownVariableText(t: Translate, use: TemplateVariableUse): string {
  const params = { variable: use.variable, position: positionText(t, use) };
  return use.snippet === undefined
    ? t('templates.problem.unknown', params)
    : t('templates.problem.unknownInSnippet', { ...params, snippet: use.snippet });
}

export function missingVariableText(t: Translate, use: TemplateVariableUse): string {
  const params = { variable: use.variable, position: positionText(t, use) };
  return use.snippet === undefined
    ? t('templates.preview.missingItem', params)
    : t('templates.preview.missingItemInSnippet', { ...params, snippet: use.snippet });
}
