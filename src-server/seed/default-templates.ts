// The default response templates shipped in resources/templates/, one Template per JSON file,
// read and parsed at the edge. Snippets are templates too (kind `cuplikan`, named as they are
// included: `{{> salam_pembuka}}`), so they are seeded and synced like any other template.
// Each file is a complete agency Template; its agencyId, updatedBy and updatedAt are placeholders
// that seeding replaces with the installing agency, its coordinator and the seeding time.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SNIPPET_KIND,
  SNIPPET_NAME_PATTERN,
  TemplateSchema,
  type Template,
} from '../../src-shared/domain/template';

export const DEFAULT_TEMPLATES_DIR = join(import.meta.dirname, '../../resources/templates');

export type AgencyTemplate = Extract<Template, { scope: 'agency' }>;

async function readJsonFiles(dir: string): Promise<{ file: string; value: unknown }[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      value: JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown,
    })),
  );
}

/**
 * Every default template and snippet, in file-name order; throws naming the file that does not
 * parse, is not agency-wide, or is a snippet whose name cannot be included.
 */
export async function loadDefaultTemplates(dir = DEFAULT_TEMPLATES_DIR): Promise<AgencyTemplate[]> {
  const templates: AgencyTemplate[] = [];
  for (const { file, value } of await readJsonFiles(dir)) {
    const parsed = TemplateSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    if (parsed.data.scope !== 'agency')
      throw new Error(`${file}: a default template is agency-wide`);
    if (parsed.data.kind === SNIPPET_KIND && !SNIPPET_NAME_PATTERN.test(parsed.data.name)) {
      throw new Error(`${file}: a snippet's name is lower_snake_case, as it is included`);
    }
    templates.push(parsed.data);
  }
  return templates;
}

/** The template as the installing agency owns it. */
export function installTemplate(
  template: AgencyTemplate,
  agencyId: string,
  updatedBy: string,
  updatedAt: number,
): AgencyTemplate {
  return { ...template, agencyId, updatedBy, updatedAt };
}
