// The default response templates shipped in resources/templates/ (one Template per JSON file) and
// the shared snippets they include (resources/templates/snippets/), read and parsed at the edge.
// Each file is a complete agency Template; its agencyId, updatedBy and updatedAt are placeholders
// that seeding replaces with the installing agency, its coordinator and the seeding time.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TemplateSchema, type Template } from '../../src-shared/domain/template';

export const DEFAULT_TEMPLATES_DIR = join(import.meta.dirname, '../../resources/templates');

/** A snippet included with `{{> name}}`. The domain has no snippet entity yet; this is its file. */
export const SnippetFileSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snippet name is lower_snake_case'),
  description: z.string().min(1).max(200),
  body: z.string().min(1).max(20_000),
});
export type SnippetFile = z.infer<typeof SnippetFileSchema>;

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

/** Every default template, in file-name order; throws naming the file that does not parse. */
export async function loadDefaultTemplates(dir = DEFAULT_TEMPLATES_DIR): Promise<AgencyTemplate[]> {
  const templates: AgencyTemplate[] = [];
  for (const { file, value } of await readJsonFiles(dir)) {
    const parsed = TemplateSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    if (parsed.data.scope !== 'agency')
      throw new Error(`${file}: a default template is agency-wide`);
    templates.push(parsed.data);
  }
  return templates;
}

export async function loadDefaultSnippets(
  dir = join(DEFAULT_TEMPLATES_DIR, 'snippets'),
): Promise<SnippetFile[]> {
  return (await readJsonFiles(dir)).map(({ file, value }) => {
    const parsed = SnippetFileSchema.safeParse(value);
    if (!parsed.success) throw new Error(`snippets/${file}: ${parsed.error.message}`);
    return parsed.data;
  });
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
