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
  mayPublishReplies,
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
  const moves = ['dispose', 'tunda', 'not_authority', 'archive', 'merge'];
  const edits = ['set_category', 'set_tags', 'set_privacy', 'assign', 'add_note'];

  it('offers admins every move and edit in bar order, instansi admins replies too', () => {
    expect(bulkActionsForRole('admin_koordinator')).toEqual([...moves, ...edits]);
    expect(bulkActionsForRole('admin_instansi')).toEqual([...moves, 'reply', ...edits]);
    // Training participants act in every agency role, the liaison officer's included.
    expect(bulkActionsForRole('peserta')).toEqual([
      ...moves,
      'reply',
      'approve_responses',
      ...edits,
    ]);
  });

  it('offers approving only to liaison officers, and to instansi admins where the agency allows', () => {
    expect(bulkActionsForRole('admin_instansi', { adminsMayPublish: true })).toEqual([
      ...moves,
      'reply',
      'approve_responses',
      ...edits,
    ]);
    expect(bulkActionsForRole('admin_koordinator', { adminsMayPublish: true })).not.toContain(
      'approve_responses',
    );
    expect(mayPublishReplies('pejabat_penghubung')).toBe(true);
    expect(mayPublishReplies('admin_instansi')).toBe(false);
    expect(mayPublishReplies('admin_instansi', { adminsMayPublish: true })).toBe(true);
    expect(mayPublishReplies('operator_unit', { adminsMayPublish: true })).toBe(false);
  });

  it('offers unit operators replies, liaison officers replies and approvals, the head nothing', () => {
    expect(bulkActionsForRole('operator_unit')).toEqual(['reply', 'assign', 'add_note']);
    expect(bulkActionsForRole('pejabat_penghubung')).toEqual([
      'reply',
      'approve_responses',
      'assign',
      'add_note',
    ]);
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
      'r',
      'shift+a',
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
      [{ kind: 'approve_responses' }, 7, 'Setujui & terbitkan 7 tanggapan'],
    ];
    for (const [action, count, text] of cases) {
      expect(confirmationText(t, action, count, names)).toBe(text);
    }
  });

  it('names the reports a reply holds back in its confirmation', () => {
    const reply = (publish: boolean): BulkAction => ({
      kind: 'reply',
      templateId: 'tpl-1',
      templateName: 'Tindak lanjut',
      body: 'Yth. {{pelapor.nama}}',
      publish,
    });
    expect(confirmationText(t, reply(false), 18, names, 2)).toBe(
      'Kirim tanggapan ke 18 laporan untuk disetujui · 2 ditahan',
    );
    expect(confirmationText(t, reply(true), 18, names, 0)).toBe(
      'Kirim dan terbitkan tanggapan ke 18 laporan',
    );
    expect(translate('en', 'bulk.confirm.held', { count: 2 })).toBe(' · 2 held back');
  });

  it('says what was done in the undo toast', () => {
    expect(doneText(t, 'dispose', 137)).toBe('137 laporan didisposisikan');
    expect(doneText(t, 'archive', 30)).toBe('30 laporan diarsipkan');
    expect(doneText(t, 'reply', 18)).toBe('Tanggapan dikirim ke 18 laporan');
    expect(doneText(t, 'approve_responses', 5)).toBe('5 tanggapan disetujui dan diterbitkan');
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
