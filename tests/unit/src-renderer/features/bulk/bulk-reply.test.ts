import { describe, expect, it } from 'vitest';
import type { BulkSkip } from '../../../../../src-shared/bulk/bulk-action';
import type { Template } from '../../../../../src-shared/domain/template';
import {
  checkReplySource,
  isSendable,
  matchTemplates,
  replyTemplates,
  splitHeld,
} from '../../../../../src-renderer/features/bulk/bulk-reply';

const base = {
  description: '',
  categoryIds: [],
  revision: 1,
  agencyId: 'dinkes',
  version: 1,
  updatedBy: 'u-admin',
  updatedAt: 0,
};
const agencyTemplate = (id: string, name: string, kind: Template['kind'] = 'tindak_lanjut') =>
  ({ ...base, id, name, kind, body: `${name}.`, scope: 'agency' }) as Template;
const personal = (id: string, name: string, ownerId: string) =>
  ({ ...base, id, name, kind: 'jawaban_akhir', body: '.', scope: 'personal', ownerId }) as Template;

describe('bulk reply: templates offered', () => {
  const templates = [
    agencyTemplate('t-2', 'Tindak lanjut: sedang diproses'),
    agencyTemplate('t-1', 'Arsip: duplikat', 'arsip'),
    agencyTemplate('t-s', 'salam_pembuka', 'cuplikan'),
    personal('t-mine', 'Jawaban saya', 'u-op'),
    personal('t-other', 'Jawaban orang lain', 'u-other'),
  ];

  it("offers the agency's and the user's own templates by name, never snippets or others'", () => {
    expect(replyTemplates(templates, 'u-op').map((t) => t.id)).toEqual(['t-1', 't-mine', 't-2']);
  });

  it('finds templates holding every searched word in the name or description, any case', () => {
    const offered = [
      { ...agencyTemplate('a', 'Tindak lanjut'), description: 'Laporan sedang DIPROSES unit' },
      agencyTemplate('b', 'Jawaban akhir: selesai'),
    ];
    expect(matchTemplates(offered, '  diproses  tindak ').map((t) => t.id)).toEqual(['a']);
    expect(matchTemplates(offered, 'SELESAI').map((t) => t.id)).toEqual(['b']);
    expect(matchTemplates(offered, '').map((t) => t.id)).toEqual(['a', 'b']);
    expect(matchTemplates(offered, 'banjir')).toEqual([]);
  });
});

describe('bulk reply: the source', () => {
  const snippets = { salam_pembuka: 'Yth. {{pelapor.sapaan}},' };

  it('is sendable when it parses and names only known variables', () => {
    const source = '{{> salam_pembuka}}\nLaporan {{laporan.nomor}} diproses.';
    const check = checkReplySource(source, snippets);
    expect(check).toEqual({ error: null, unknown: [], identifying: ['pelapor.sapaan'] });
    expect(isSendable(source, check)).toBe(true);
  });

  it('waits on a syntax error (with its position), a missing snippet, unknown variables or nothing', () => {
    const broken = checkReplySource('Salam\n{{#if laporan.anonim}}', snippets);
    expect(broken.error).toMatchObject({ code: 'unclosed_block', line: 2 });
    expect(isSendable('x', broken)).toBe(false);
    expect(checkReplySource('{{> penutup}}', snippets).error?.code).toBe('snippet_missing');
    const unknown = checkReplySource('{{pelapor.alamat}} {{pelapor.alamat}}', snippets);
    expect(unknown.unknown).toEqual(['pelapor.alamat']);
    expect(isSendable('{{pelapor.alamat}}', unknown)).toBe(false);
    expect(isSendable('  \n', checkReplySource('  \n', snippets))).toBe(false);
  });
});

describe('bulk reply: held back', () => {
  it('separates the reports held back for empty values from the other skips, in order', () => {
    const skip = (reportId: string, reasonKey: BulkSkip['reasonKey']): BulkSkip => ({
      reportId,
      trackingId: reportId,
      code: 'x',
      reasonKey,
      message: 'x',
    });
    const skipped = [
      skip('a', 'bulk.missing_values'),
      skip('b', 'mutation.report_not_in_progress'),
      skip('c', 'bulk.missing_values'),
    ];
    const { held, other } = splitHeld(skipped);
    expect(held.map((s) => s.reportId)).toEqual(['a', 'c']);
    expect(other.map((s) => s.reportId)).toEqual(['b']);
  });
});
