// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNavigationStore } from '../../../../../src-renderer/features/shell/navigation-store';
import { useTemplateLibraryStore } from '../../../../../src-renderer/features/templates/template-library-store';
import { PREVIEW_DEBOUNCE_MS } from '../../../../../src-renderer/features/templates/template-preview';
import { click, makeReport, press, type } from '../inbox/inbox-fixtures';
import {
  $,
  $$,
  agencyTemplate,
  bodyField,
  buttonByText,
  editorForm,
  field,
  headUser,
  libraryTemplates,
  listedNames,
  mountLibrary,
  openTemplate,
  operatorUser,
  setCursor,
  type LibraryHarness,
} from './template-fixtures';

let harness: LibraryHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
  vi.useRealTimers();
});

const openDialog = () => document.querySelector('dialog[open]');
const lastMutation = (h: LibraryHarness) => h.service.mutations.at(-1);
const selectedOption = () => $('.template-list [role="option"][aria-selected="true"]');

describe('the template list', () => {
  it('lists templates by kind with scope and who changed them last', async () => {
    harness = await mountLibrary({ user: operatorUser });
    const groups = $$('.template-list [role="group"]').map((g) => g.dataset['kind']);
    expect(groups).toEqual(['verifikasi', 'permintaan_informasi', 'tindak_lanjut', 'cuplikan']);
    expect(listedNames()).toEqual([
      'Laporan diterima',
      'Lengkapi lokasi',
      'Catatan saya',
      'Sedang diproses',
      'salam_pembuka',
    ]);
    const row = $('[data-template-id="tpl-tunda"][role="option"]');
    expect(row?.textContent).toContain('Permintaan informasi (tunda)');
    expect(row?.textContent).toContain('Instansi');
    expect(row?.textContent).toContain('Meminta pelapor melengkapi alamat kejadian');
    expect(row?.textContent).toMatch(/Versi 3 · diubah oleh Siti Rahmawati · \d+ Jun 2025/);
    expect($('[data-template-id="tpl-mine"][role="option"]')?.textContent).toContain('Pribadi');
  });

  it('filters by search, kind and scope, and says so when nothing matches', async () => {
    harness = await mountLibrary({ user: operatorUser });
    await type($('#template-search'), 'pelapor alamat');
    expect(listedNames()).toEqual(['Lengkapi lokasi']);
    await type($('#template-search'), '');
    await type($('select[name="kind-filter"]'), 'tindak_lanjut');
    expect(listedNames()).toEqual(['Catatan saya', 'Sedang diproses']);
    await click($('input[name="scope-filter"][value="personal"]'));
    expect(listedNames()).toEqual(['Catatan saya']);
    await type($('#template-search'), 'tidak ada');
    expect($('.template-list')).toBeNull();
    expect($('.empty-state')?.textContent).toContain('Tidak ada templat yang cocok');
  });

  it('moves with j/k and the arrows, and opens the highlighted template with Enter', async () => {
    harness = await mountLibrary({ user: operatorUser });
    const list = $('.template-list');
    if (list === null) throw new Error('no list');
    act(() => {
      list.focus();
    });
    expect(selectedOption()?.dataset['templateId']).toBe('tpl-verif');
    await press(list, 'j');
    await press(list, 'ArrowDown');
    expect(selectedOption()?.dataset['templateId']).toBe('tpl-mine');
    await press(list, 'k');
    expect(selectedOption()?.dataset['templateId']).toBe('tpl-tunda');
    expect(list.getAttribute('aria-activedescendant')).toBe(selectedOption()?.id);
    await press(list, 'Enter');
    expect(editorForm()?.dataset['templateId']).toBe('tpl-tunda');
    expect(field('name')?.value).toBe('Lengkapi lokasi');
  });
});

describe('the editor body', () => {
  it('underlines the syntax error and unknown variables and lists them with line and column', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await type(bodyField(), 'Nomor {{laporan.nomr}}\n{{#if laporan.anonim}}Halo');
    const marks = () =>
      $$('[data-testid="template-body-mirror"] mark').map((m) => [
        m.dataset['mark'],
        m.textContent,
      ]);
    expect(marks()).toEqual([['error', '{{#if laporan.anonim}}']]);
    expect($('[data-problem="syntax"]')?.textContent).toBe(
      'Kesalahan sintaks pada baris 2, kolom 1: Blok ini tidak pernah ditutup.',
    );
    expect(bodyField()?.getAttribute('aria-invalid')).toBe('true');

    await type(bodyField(), 'Nomor {{laporan.nomr}}\n{{#if laporan.anonim}}Halo{{/if}}');
    expect(marks()).toEqual([['unknown', '{{laporan.nomr}}']]);
    expect($('[data-problem="unknown"]')?.textContent).toBe(
      'Variabel tidak dikenal {{laporan.nomr}} pada baris 1, kolom 7',
    );
    // The mirror holds exactly the text of the textarea, so the marks sit under it.
    expect($('[data-testid="template-body-mirror"]')?.textContent).toBe(bodyField()?.value);
  });

  it('inserts a picked variable at the cursor, by click and by Enter', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await type(bodyField(), 'Yth. , laporan Anda');
    setCursor(5);
    await click($('[data-testid="variable-picker"] [data-pick="pelapor.sapaan"]'));
    expect(bodyField()?.value).toBe('Yth. {{pelapor.sapaan}}, laporan Anda');
    expect(bodyField()?.selectionStart).toBe(5 + '{{pelapor.sapaan}}'.length);
    expect(document.activeElement).toBe(bodyField());

    // Keyboard: the picker list, Home, ↓ to the second variable, Enter; "Anda" is replaced.
    setCursor(33, 37);
    const picker = $('[data-testid="variable-picker"]');
    if (picker === null) throw new Error('no picker');
    act(() => {
      picker.focus();
    });
    await press(picker, 'Home');
    await press(picker, 'ArrowDown');
    await press(picker, 'Enter');
    expect(bodyField()?.value).toBe('Yth. {{pelapor.sapaan}}, laporan {{laporan.judul}}');
  });

  it('inserts a snippet from the snippet picker', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await type(bodyField(), '');
    setCursor(0);
    await click($('[data-testid="snippet-picker"] [data-pick="salam_pembuka"]'));
    expect(bodyField()?.value).toBe('{{> salam_pembuka}}');
  });

  it('warns when the template (or a snippet it includes) may reveal an anonymous reporter', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    expect($('[data-testid="anonymity-warning"]')).toBeNull();
    await type(bodyField(), '{{> salam_pembuka}}\nTerima kasih {{pelapor.nama}}.');
    expect($('[data-testid="anonymity-warning"]')?.textContent).toBe(
      "Template ini memakai {{pelapor.sapaan}}, {{pelapor.nama}} yang dapat mengungkap identitas pelapor anonim; untuk laporan anonim akan ditampilkan sebagai 'Bapak/Ibu Pelapor'.",
    );
  });
});

describe('the preview', () => {
  const body = 'Laporan {{laporan.nomor}} ditangani {{unit.nama}}.';

  it('renders against the chosen report and marks and lists the empty variables', async () => {
    harness = await mountLibrary({ templates: [agencyTemplate('tpl-a', { body })] });
    await openTemplate('tpl-a');
    expect($('.template-preview')?.textContent).toContain('Pilih laporan');
    // Found by tracking number among reports of any status.
    await type($('.template-preview input[type="search"]'), '1900000');
    await click($('.template-preview [data-report-id="r-000000"]'));
    expect($('[data-testid="preview-report"]')?.textContent).toBe(
      'Pratinjau untuk laporan #1900000 · Jalan rusak nomor 0',
    );
    expect($('[data-testid="template-preview"]')?.textContent).toBe(
      'Laporan 1900000 ditangani {{unit.nama}}.',
    );
    expect($('.template-preview__missing')?.dataset['variable']).toBe('unit.nama');
    expect($$('[data-testid="preview-missing"] li').map((li) => li.textContent)).toEqual([
      '{{unit.nama}} pada baris 1, kolom 37',
    ]);
  });

  it('renders the typed text once typing pauses', async () => {
    harness = await mountLibrary({ templates: [agencyTemplate('tpl-a', { body })] });
    await openTemplate('tpl-a');
    vi.useFakeTimers();
    await act(async () => {
      useTemplateLibraryStore.getState().setPreviewReport(makeReport(0).id);
      await Promise.resolve();
    });
    await type(bodyField(), 'Nomor {{laporan.nomor}}');
    expect($('[data-testid="template-preview"]')?.textContent).toContain('ditangani');
    await act(async () => {
      vi.advanceTimersByTime(PREVIEW_DEBOUNCE_MS);
      await Promise.resolve();
    });
    expect($('[data-testid="template-preview"]')?.textContent).toBe('Nomor 1900000');
    expect($('[data-testid="preview-missing"]')).toBeNull();
  });
});

describe('saving', () => {
  it('saves with Ctrl+S through template.upsert with every field', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await type(field('name'), '  Sedang diproses unit  ');
    await type(field('description'), 'Untuk laporan kesehatan');
    await click($('input[type="checkbox"][value="cat-kes"]'));
    await type(bodyField(), 'Laporan {{laporan.nomor}} diproses.');
    await press(bodyField() as Element, 's', { ctrlKey: true });
    expect(lastMutation(harness)).toMatchObject({
      name: 'template.upsert',
      args: {
        templateId: 'tpl-tl',
        scope: 'agency',
        kind: 'tindak_lanjut',
        name: 'Sedang diproses unit',
        body: 'Laporan {{laporan.nomor}} diproses.',
        description: 'Untuk laporan kesehatan',
        categoryIds: ['cat-kes'],
      },
    });
    expect(editorForm()?.textContent).toContain('Tersimpan.');
    // The list shows the saved name.
    expect(listedNames()).toContain('Sedang diproses unit');
  });

  it('creates a new personal template with the button and a new id', async () => {
    harness = await mountLibrary({ user: operatorUser });
    await click(buttonByText('Templat baru'));
    expect($$('input[name="scope"]').map((i) => (i as HTMLInputElement).value)).toEqual([
      'personal',
    ]);
    const save = buttonByText('Simpan', editorForm() ?? document);
    expect(save?.disabled).toBe(true);
    await type(field('name'), 'Balasan cepat');
    await type(bodyField(), 'Terima kasih.');
    await click(save);
    expect(lastMutation(harness)?.args).toMatchObject({
      scope: 'personal',
      name: 'Balasan cepat',
      body: 'Terima kasih.',
    });
    expect(lastMutation(harness)?.args).toHaveProperty(
      'templateId',
      expect.stringMatching(/^tpl-new-/),
    );
  });

  it('does not save a template whose own syntax is broken', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await type(bodyField(), '{{#if laporan.anonim}}');
    await press(bodyField() as Element, 's', { ctrlKey: true });
    expect(harness.service.mutations).toHaveLength(0);
    expect(buttonByText('Simpan', editorForm() ?? document)?.disabled).toBe(true);
  });

  it('shows why a save was refused', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await type(field('name'), 'Nama baru');
    harness.service.failNextMutation({
      code: 'mutation/forbidden-role',
      reasonKey: 'mutation.role_not_allowed',
      message: 'This role may not change agency templates',
    });
    await click(buttonByText('Simpan', editorForm() ?? document));
    expect($('form.template-editor [role="alert"]')?.textContent).toBe(
      'Templat tidak tersimpan: Peran Anda tidak boleh melakukan perubahan ini.',
    );
  });

  it('deletes after confirmation', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await click(buttonByText('Hapus'));
    expect(openDialog()?.textContent).toContain('Hapus templat “Sedang diproses”?');
    await click(buttonByText('Ya, hapus'));
    expect(lastMutation(harness)).toMatchObject({
      name: 'template.delete',
      args: { templateId: 'tpl-tl' },
    });
    expect(editorForm()).toBeNull();
    expect(listedNames()).not.toContain('Sedang diproses');
  });
});

describe('read-only templates', () => {
  it("shows an operator the agency's template read-only, with a copy as a personal one", async () => {
    harness = await mountLibrary({ user: operatorUser });
    await openTemplate('tpl-tl');
    expect(editorForm()?.dataset['readOnly']).toBe('true');
    expect($('[data-testid="template-readonly"]')?.textContent).toContain('Hanya baca');
    expect(bodyField()?.readOnly).toBe(true);
    expect(field('name')?.closest('fieldset')?.disabled).toBe(true);
    expect(buttonByText('Simpan', editorForm() ?? document)).toBeNull();
    expect(buttonByText('Hapus')).toBeNull();
    expect($('[data-testid="variable-picker"]')).toBeNull();

    await click(buttonByText('Salin sebagai templat pribadi'));
    expect(editorForm()?.dataset['readOnly']).toBeUndefined();
    expect(field('name')?.value).toBe('Sedang diproses (salinan)');
    await click(buttonByText('Simpan', editorForm() ?? document));
    expect(lastMutation(harness)?.args).toMatchObject({
      scope: 'personal',
      kind: 'tindak_lanjut',
      name: 'Sedang diproses (salinan)',
      body: libraryTemplates.find((t) => t.id === 'tpl-tl')?.body,
    });
    expect(lastMutation(harness)?.args).not.toHaveProperty('templateId', 'tpl-tl');
  });

  it('lets the operator edit their own personal template', async () => {
    harness = await mountLibrary({ user: operatorUser });
    await openTemplate('tpl-mine');
    expect(editorForm()?.dataset['readOnly']).toBeUndefined();
    expect(buttonByText('Simpan', editorForm() ?? document)).not.toBeNull();
  });

  it('gives pimpinan read-only templates and nothing to create or copy', async () => {
    harness = await mountLibrary({ user: headUser });
    expect(buttonByText('Templat baru')).toBeNull();
    await openTemplate('tpl-tl');
    expect($('[data-testid="template-readonly"]')?.textContent).toContain(
      'peran Anda dapat melihat templat',
    );
    expect(buttonByText('Salin sebagai templat pribadi')).toBeNull();
  });
});

describe('unsaved changes', () => {
  it('asks before leaving the screen and leaves only when the changes are discarded', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await type(field('name'), 'Belum disimpan');
    await click(buttonByText('← Kembali ke kotak masuk'));
    expect(useNavigationStore.getState().view).toBe('templates');
    expect(openDialog()?.textContent).toContain('Perubahan pada templat “Belum disimpan”');
    await click(buttonByText('Kembali ke editor'));
    expect(openDialog()).toBeNull();
    expect(field('name')?.value).toBe('Belum disimpan');

    // Another template: asked too; discarding opens it.
    await openTemplate('tpl-verif');
    expect(openDialog()).not.toBeNull();
    await click(buttonByText('Buang perubahan'));
    expect(editorForm()?.dataset['templateId']).toBe('tpl-verif');

    await type(field('name'), 'Lagi');
    act(() => {
      useNavigationStore.getState().openView('settings');
    });
    expect(useNavigationStore.getState().view).toBe('templates');
    await click(buttonByText('Buang perubahan'));
    expect(useNavigationStore.getState().view).toBe('settings');
  });

  it('leaves at once when nothing changed', async () => {
    harness = await mountLibrary();
    await openTemplate('tpl-tl');
    await click(buttonByText('← Kembali ke kotak masuk'));
    expect(openDialog()).toBeNull();
    expect(useNavigationStore.getState().view).toBe('inbox');
  });
});
