import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SNIPPET_KIND,
  SNIPPET_NAME_PATTERN,
  TemplateSchema,
  templateKinds,
} from '../../../../src-shared/domain/template';
import {
  buildTemplateContext,
  snippetsOf,
} from '../../../../src-shared/domain/templating/template-context-build';
import { analyze, render } from '../../../../src-shared/domain/templating/template-render';
import { parseTemplate } from '../../../../src-shared/domain/templating/template-syntax';
import { demoCategories } from '../../../../src-server/seed/demo-categories';
import {
  DEFAULT_TEMPLATES_DIR,
  installTemplate,
  loadDefaultTemplates,
  type AgencyTemplate,
} from '../../../../src-server/seed/default-templates';
import {
  contextInput,
  disposedReport,
  disposition,
} from '../../src-shared/domain/templating/context-fixtures';

const templates = await loadDefaultTemplates();
const snippets = snippetsOf(templates, 'anyone');
const replies = templates.filter((template) => template.kind !== SNIPPET_KIND);

/** The reply rendered for the fixture report (or as given), as the composer would. */
function renderFor(template: AgencyTemplate, report = disposedReport()) {
  const context = buildTemplateContext(
    contextInput({
      report,
      dispositions: [
        disposition(),
        disposition({ id: 'd-2', kind: 'redispose', toAgencyId: 'kec-coblong', toUnitId: null }),
      ],
      kind: template.kind,
    }),
  );
  const result = render(template.body, context, { timeZone: report.timeZone, snippets });
  if (!result.ok) throw new Error(`${template.id}: ${result.error.message}`);
  return result.value;
}

describe('the default templates in resources/templates', () => {
  it('are one agency Template per file, named after its id', async () => {
    const files = (await readdir(DEFAULT_TEMPLATES_DIR)).filter((file) => file.endsWith('.json'));
    expect(files).toHaveLength(templates.length);
    for (const file of files) {
      const raw: unknown = JSON.parse(await readFile(join(DEFAULT_TEMPLATES_DIR, file), 'utf8'));
      const parsed = TemplateSchema.safeParse(raw);
      expect(parsed.success, file).toBe(true);
      expect(parsed.data?.scope, file).toBe('agency');
      expect(parsed.data?.id, file).toBe(`tpl-${file.replace(/\.json$/, '')}`);
    }
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length);
  });

  it('are at least 15 replies covering every kind, and archiving for each common reason', () => {
    expect(replies.length).toBeGreaterThanOrEqual(15);
    expect(new Set(replies.map((t) => t.kind))).toEqual(
      new Set(templateKinds.filter((kind) => kind !== SNIPPET_KIND)),
    );
    const archive = replies
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

  it('ship the snippets the replies include, named as they are included', () => {
    const shipped = templates.filter((t) => t.kind === SNIPPET_KIND);
    expect(shipped.map((t) => t.name).sort()).toEqual([
      'salam_pembuka',
      'salam_penutup',
      'tanda_tangan',
    ]);
    for (const snippet of shipped) {
      expect(snippet.name).toMatch(SNIPPET_NAME_PATTERN);
      expect(snippet.id).toBe(`tpl-cuplikan-${snippet.name.replaceAll('_', '-')}`);
      expect(snippet.categoryIds).toEqual([]);
    }
  });

  it('describe themselves and name only existing categories', () => {
    const categoryIds = new Set(demoCategories().map((category) => category.id));
    for (const template of templates) {
      expect(template.description.trim(), template.id).not.toBe('');
      for (const id of template.categoryIds)
        expect(categoryIds.has(id), `${template.id}: ${id}`).toBe(true);
    }
    expect(replies.filter((t) => t.categoryIds.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('parse, and use only catalogued variables and shipped snippets, without cycles', () => {
    for (const template of templates) {
      expect(parseTemplate(template.body).ok, template.id).toBe(true);
      const analysis = analyze(template.body, snippets);
      if (!analysis.ok) throw new Error(`${template.id}: ${analysis.error.message}`);
      expect(analysis.value.unknown, template.id).toEqual([]);
    }
  });

  it('leave nothing missing for a complete report, whatever the kind', () => {
    for (const template of replies) {
      const { text, missing } = renderFor(template);
      expect(missing, template.id).toEqual([]);
      expect(text, template.id).not.toContain('{{');
      expect(text, template.id).toContain('1916449');
    }
  });

  it('render the lists, conditionals and deadlines they hold for the sample report', () => {
    const byId = new Map(templates.map((t) => [t.id, t]));
    const progress = byId.get('tpl-tindak-lanjut-diproses');
    if (progress === undefined) throw new Error('tindak-lanjut-diproses is missing');
    expect(renderFor(progress).text).toBe(
      [
        'Yth. Bapak/Ibu Siti Rahmawati,',
        '',
        'Dengan hormat,',
        '',
        'Terima kasih atas laporan Saudara nomor 1916449 perihal "Jalan berlubang di Jl. Soekarno-Hatta".',
        '',
        'Bersama ini kami sampaikan bahwa laporan Saudara telah diterima oleh Dinas Pekerjaan Umum Kota Bandung melalui Bidang Bina Marga dan saat ini sedang dalam proses penanganan. Laporan Saudara telah diteruskan kepada:',
        '- Dinas Pekerjaan Umum Kota Bandung (Bidang Bina Marga), tanggal 3 Februari 2025',
        '- Kecamatan Coblong, tanggal 3 Februari 2025',
        '',
        'Hasil tindak lanjut akan kami sampaikan selambat-lambatnya pada 10 Februari 2025.',
        '',
        'Demikian kami sampaikan, atas perhatian Saudara kami ucapkan terima kasih.',
        '',
        'Hormat kami,',
        'Agus Santoso',
        'Dinas Pekerjaan Umum Kota Bandung',
      ].join('\n'),
    );
  });

  it('greet and close the citizen formally in every message the citizen reads', () => {
    for (const template of replies) {
      if (template.kind === 'disposisi') continue;
      expect(template.body.startsWith('{{> salam_pembuka}}'), template.id).toBe(true);
      expect(template.body.trimEnd().endsWith('{{> salam_penutup}}'), template.id).toBe(true);
      expect(template.body, template.id).toContain('Saudara');
      expect(template.body, template.id).not.toMatch(/\b(kamu|anda|lo|gue|kalian)\b/i);
      const { text } = renderFor(template);
      expect(text, template.id).toMatch(/^Yth\. Bapak\/Ibu Siti Rahmawati,\n\nDengan hormat,\n\n/);
      expect(text, template.id).toContain(
        'Demikian kami sampaikan, atas perhatian Saudara kami ucapkan terima kasih.',
      );
      expect(text, template.id).not.toMatch(/\n{3}/);
    }
  });

  it('keep disposition notes internal: only a disposition note prints them', () => {
    for (const template of replies) {
      const analysis = analyze(template.body, snippets);
      if (!analysis.ok) throw new Error(analysis.error.message);
      if (template.kind === 'disposisi') {
        expect(template.body, template.id).toContain('{{unit.nama}}');
        expect(renderFor(template).text, template.id).toContain('Mohon segera dicek ke lokasi');
      } else {
        expect(analysis.value.variables, template.id).not.toContain('disposisi[].catatan');
      }
    }
  });

  it('never print an anonymous reporter’s name, even when the client holds it', () => {
    const anonymous = disposedReport({
      privacy: { anonim: true, rahasia: true },
      reporter: { name: 'Siti Rahmawati' },
    });
    for (const template of replies) {
      const { text, missing } = renderFor(template, anonymous);
      expect(missing, template.id).toEqual([]);
      expect(text, template.id).not.toMatch(/Siti|Rahmawati/);
      if (template.kind !== 'disposisi') {
        expect(text.startsWith('Yth. Bapak/Ibu Pelapor,'), template.id).toBe(true);
      }
    }
  });

  it('are installed for an agency with its coordinator and the seeding time', () => {
    const [template] = templates;
    if (template === undefined) throw new Error('no templates');
    expect(installTemplate(template, 'prov-x', 'user-x', 1_700_000_000_000)).toEqual({
      ...template,
      agencyId: 'prov-x',
      updatedBy: 'user-x',
      updatedAt: 1_700_000_000_000,
    });
  });
});
