import { describe, expect, it } from 'vitest';
import { TemplateSchema, templateKinds } from '../../../../src-shared/domain/template';
import {
  installTemplate,
  loadDefaultSnippets,
  loadDefaultTemplates,
} from '../../../../src-server/seed/default-templates';

/** The variables issue 7 documents for the template context. */
const knownVariables = new Set([
  'laporan.nomor',
  'laporan.judul',
  'laporan.tanggal',
  'laporan.anonim',
  'laporan.rahasia',
  'pelapor.sapaan',
  'instansi.nama',
  'unit.nama',
  'petugas.nama',
  'batas_waktu',
  'hari_kerja_tersisa',
]);

type Tag =
  | { kind: 'variable'; name: string }
  | { kind: 'if'; name: string }
  | { kind: 'else' }
  | { kind: 'endif' }
  | { kind: 'snippet'; name: string };

/** The `{{…}}` tags of a template, or an error naming the first one that is not valid syntax. */
function tagsOf(body: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of body.matchAll(/\{\{(.*?)\}\}/gs)) {
    const inner = (match[1] ?? '').trim();
    let m: RegExpExecArray | null;
    if ((m = /^#if ([a-z_.]+)$/.exec(inner))) tags.push({ kind: 'if', name: m[1] ?? '' });
    else if (inner === 'else') tags.push({ kind: 'else' });
    else if (inner === '/if') tags.push({ kind: 'endif' });
    else if ((m = /^> ([a-z_]+)$/.exec(inner))) tags.push({ kind: 'snippet', name: m[1] ?? '' });
    else if ((m = /^([a-z_]+(\.[a-z_]+)*)$/.exec(inner)))
      tags.push({ kind: 'variable', name: m[1] ?? '' });
    else throw new Error(`not a valid tag: {{${inner}}}`);
  }
  const stripped = body.replace(/\{\{.*?\}\}/gs, '');
  if (stripped.includes('{{') || stripped.includes('}}')) throw new Error('unbalanced braces');
  return tags;
}

function isBalanced(tags: readonly Tag[]): boolean {
  let depth = 0;
  for (const tag of tags) {
    if (tag.kind === 'if') depth += 1;
    if (tag.kind === 'else' && depth === 0) return false;
    if (tag.kind === 'endif') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('the default templates in resources/templates', () => {
  it('are at least 15 agency templates that parse with the Template schema', async () => {
    const templates = await loadDefaultTemplates();
    expect(templates.length).toBeGreaterThanOrEqual(15);
    for (const template of templates) {
      expect(TemplateSchema.safeParse(template).success).toBe(true);
      expect(template.scope).toBe('agency');
    }
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length);
  });

  it('cover every kind, and archiving for each common reason', async () => {
    const templates = await loadDefaultTemplates();
    expect(new Set(templates.map((t) => t.kind))).toEqual(new Set(templateKinds));
    const archive = templates
      .filter((t) => t.kind === 'arsip')
      .map((t) => t.name)
      .join(' | ');
    for (const reason of [
      'kurang jelas',
      'duplikat',
      'bukan tentang kinerja',
      'batas waktu',
      'tidak dapat dipahami',
    ]) {
      expect(archive).toContain(reason);
    }
  });

  it('use only valid tags, balanced conditionals and documented variables', async () => {
    const snippets = await loadDefaultSnippets();
    const bodies = [
      ...(await loadDefaultTemplates()).map((t) => ({ name: t.id, body: t.body })),
      ...snippets.map((s) => ({ name: `snippet ${s.name}`, body: s.body })),
    ];
    for (const { name, body } of bodies) {
      const tags = tagsOf(body);
      expect(isBalanced(tags), name).toBe(true);
      for (const tag of tags) {
        if (tag.kind === 'variable' || tag.kind === 'if') {
          expect(knownVariables.has(tag.name), `${name}: ${tag.name}`).toBe(true);
        }
      }
    }
  });

  it('include only shipped snippets, without cycles', async () => {
    const snippets = new Map((await loadDefaultSnippets()).map((s) => [s.name, s.body]));
    expect([...snippets.keys()]).toEqual(
      expect.arrayContaining(['salam_pembuka', 'salam_penutup']),
    );
    const includes = (body: string) =>
      tagsOf(body).flatMap((tag) => (tag.kind === 'snippet' ? [tag.name] : []));
    const visit = (name: string, path: readonly string[]): void => {
      if (path.includes(name)) throw new Error(`snippet cycle: ${[...path, name].join(' > ')}`);
      const body = snippets.get(name);
      if (body === undefined) throw new Error(`unknown snippet ${name}`);
      for (const next of includes(body)) visit(next, [...path, name]);
    };
    for (const template of await loadDefaultTemplates()) {
      for (const name of includes(template.body)) visit(name, [template.id]);
    }
  });

  it('greet and close the citizen formally in every message the citizen reads', async () => {
    for (const template of await loadDefaultTemplates()) {
      if (template.kind === 'disposisi') {
        // Dispositions are internal instructions to a unit.
        expect(template.body).toContain('{{unit.nama}}');
        continue;
      }
      expect(template.body.startsWith('{{> salam_pembuka}}'), template.id).toBe(true);
      expect(template.body.trimEnd().endsWith('{{> salam_penutup}}'), template.id).toBe(true);
      expect(template.body).toContain('Saudara');
      expect(template.body).not.toMatch(/\b(kamu|anda|lo|gue)\b/i);
      expect(template.body).toContain('{{laporan.nomor}}');
    }
  });

  it('are installed for an agency with its coordinator and the seeding time', async () => {
    const [template] = await loadDefaultTemplates();
    if (template === undefined) throw new Error('no templates');
    expect(installTemplate(template, 'prov-x', 'user-x', 1_700_000_000_000)).toEqual({
      ...template,
      agencyId: 'prov-x',
      updatedBy: 'user-x',
      updatedAt: 1_700_000_000_000,
    });
  });
});
