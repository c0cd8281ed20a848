import { describe, expect, it } from 'vitest';
import {
  bulkActionKinds,
  bulkReasonKeys,
  type BulkAction,
} from '../../../../../src-shared/bulk/bulk-action';
import {
  bulkActionsForRole,
  bulkKeys,
  confirmationText,
  doneText,
} from '../../../../../src-renderer/features/bulk/bulk-catalog';
import { parseUndoWindow } from '../../../../../src-renderer/features/bulk/undo-window-store';
import { catalogEn } from '../../../../../src-renderer/i18n/catalog-en';
import { catalogId } from '../../../../../src-renderer/i18n/catalog-id';
import { translate, type MessageKey } from '../../../../../src-renderer/i18n/i18n';

const t = (key: MessageKey, params?: Readonly<Record<string, string | number>>) =>
  translate('id', key, params);
const names = {
  agency: (id: string) =>
    ({ dinkes: 'Dinas Kesehatan Kab. X', 'dinkes-yankes': 'Bidang Pelayanan' })[id] ?? id,
  user: (id: string) => (id === 'u-op' ? 'Budi Santoso' : id),
  category: (id: string) => (id === 'cat-kes' ? 'Kesehatan' : id),
  trackingId: (id: string) => (id === 'r-keep' ? '1916449' : id),
};

describe('bulk action catalogue', () => {
  it('offers admins every bulk action in bar order', () => {
    const all = [
      'dispose',
      'tunda',
      'not_authority',
      'archive',
      'merge',
      'set_category',
      'set_tags',
      'set_privacy',
      'assign',
      'add_note',
    ];
    expect(bulkActionsForRole('admin_koordinator')).toEqual(all);
    expect(bulkActionsForRole('admin_instansi')).toEqual(all);
    expect(bulkActionsForRole('peserta')).toEqual(all);
  });

  it('offers unit operators and liaison officers only assign and note, the head nothing', () => {
    expect(bulkActionsForRole('operator_unit')).toEqual(['assign', 'add_note']);
    expect(bulkActionsForRole('pejabat_penghubung')).toEqual(['assign', 'add_note']);
    expect(bulkActionsForRole('pimpinan')).toEqual([]);
  });

  it('gives every action a distinct key as issue 6 names them', () => {
    expect(bulkActionKinds.map((k) => bulkKeys[k])).toEqual([
      'd',
      'a',
      't',
      'w',
      'e',
      'shift+m',
      'c',
      '#',
      'p',
      'n',
    ]);
    expect(new Set(Object.values(bulkKeys)).size).toBe(bulkActionKinds.length);
  });

  it('says exactly what will happen in the confirmation', () => {
    const cases: [BulkAction, number, string][] = [
      [
        { kind: 'dispose', targetAgencyId: 'dinkes' },
        137,
        'Disposisikan 137 laporan ke Dinas Kesehatan Kab. X',
      ],
      [
        { kind: 'dispose', targetAgencyId: 'dinkes', targetUnitId: 'dinkes-yankes' },
        2,
        'Disposisikan 2 laporan ke Bidang Pelayanan, Dinas Kesehatan Kab. X',
      ],
      [{ kind: 'archive', reason: 'too_general' }, 30, 'Arsipkan 30 laporan: Terlalu umum'],
      [
        { kind: 'archive', reason: 'duplicate', duplicateOf: '1900001' },
        3,
        'Arsipkan 3 laporan: Duplikat dari #1900001',
      ],
      [{ kind: 'merge', keepReportId: 'r-keep' }, 5, 'Gabungkan 5 laporan ke #1916449'],
      [{ kind: 'assign', assigneeId: 'u-op' }, 4, 'Tugaskan 4 laporan kepada Budi Santoso'],
      [{ kind: 'assign', assigneeId: null }, 4, 'Lepaskan penugasan 4 laporan'],
      [
        { kind: 'tunda', messageToReporter: ' Lengkapi lokasi ' },
        2,
        'Tunda 2 laporan dengan pesan kepada pelapor: “Lengkapi lokasi”',
      ],
      [
        { kind: 'not_authority', reason: 'Urusan pusat' },
        2,
        'Kembalikan 2 laporan sebagai bukan wewenang: “Urusan pusat”',
      ],
      [
        { kind: 'set_category', categoryId: 'cat-kes' },
        6,
        'Ubah kategori 6 laporan menjadi Kesehatan',
      ],
      [{ kind: 'set_category', categoryId: null }, 6, 'Hapus kategori 6 laporan'],
      [
        { kind: 'set_tags', add: ['banjir', 'jalan'], remove: [] },
        6,
        'Ubah label 6 laporan: tambah banjir, jalan; hapus —',
      ],
      [
        { kind: 'set_privacy', rahasia: true, anonim: false },
        6,
        'Atur privasi 6 laporan: rahasia ya, anonim tidak',
      ],
      [{ kind: 'add_note', body: 'x' }, 6, 'Tambahkan catatan internal ke 6 laporan'],
    ];
    for (const [action, count, text] of cases) {
      expect(confirmationText(t, action, count, names)).toBe(text);
    }
  });

  it('says what was done in the undo toast', () => {
    expect(doneText(t, 'dispose', 137)).toBe('137 laporan didisposisikan');
    expect(doneText(t, 'archive', 30)).toBe('30 laporan diarsipkan');
  });

  it('explains every bulk skip reason in both languages', () => {
    for (const key of bulkReasonKeys) {
      expect(Object.keys(catalogId), key).toContain(key);
      expect(Object.keys(catalogEn), key).toContain(key);
    }
  });

  it('keeps the undo window within 0–60 whole seconds, 10 when unreadable', () => {
    expect(parseUndoWindow(null)).toBe(10);
    expect(parseUndoWindow('abc')).toBe(10);
    expect(parseUndoWindow('')).toBe(10);
    expect(parseUndoWindow('0')).toBe(0);
    expect(parseUndoWindow('25')).toBe(25);
    expect(parseUndoWindow('99')).toBe(60);
    expect(parseUndoWindow('-4')).toBe(0);
    expect(parseUndoWindow('7.6')).toBe(8);
  });
});
