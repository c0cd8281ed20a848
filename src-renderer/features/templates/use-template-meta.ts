// "Versi 3 · diubah oleh Siti Rahmawati · 11 Jun 2025": who changed a template last and when, for
// the library list and the editor.
import type { Template } from '../../../src-shared/domain/template';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { formatDate } from '../inbox/inbox-format';
import { referenceMaps } from '../inbox/reference-maps';
import { useTemplateLibraryStore } from './template-library-store';

export function useTemplateMeta(): (template: Template) => string {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const users = referenceMaps(useTemplateLibraryStore((s) => s.reference)).users;
  return (template) =>
    t('templates.meta', {
      version: template.revision,
      // Someone outside the operator's part of the directory (e.g. the province coordinator who
      // installed the defaults) is not among the synced users.
      user: users.get(template.updatedBy)?.displayName ?? t('templates.meta.otherUser'),
      date: formatDate(locale, template.updatedAt),
    });
}
