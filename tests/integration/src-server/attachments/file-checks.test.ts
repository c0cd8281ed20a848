import { describe, expect, it } from 'vitest';
import { DOCX_MIME_TYPE, XLSX_MIME_TYPE } from '../../../../src-shared/api/attachments';
import {
  contentDisposition,
  decodeFileNameHeader,
  sanitizeFileName,
} from '../../../../src-server/attachments/file-name';
import { matchesDeclaredType } from '../../../../src-server/attachments/file-types';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('file signatures', () => {
  it('recognises each accepted type by its first bytes', () => {
    expect(matchesDeclaredType('image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(matchesDeclaredType('image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe(true);
    expect(matchesDeclaredType('video/mp4', bytes([0, 0, 0, 0x18], 'ftypmp42'))).toBe(true);
    expect(matchesDeclaredType(XLSX_MIME_TYPE, bytes([0x50, 0x4b, 3, 4], 'xl/workbook.xml'))).toBe(
      true,
    );
    expect(
      matchesDeclaredType(DOCX_MIME_TYPE, bytes([0x50, 0x4b, 3, 4], 'word/document.xml')),
    ).toBe(true);
  });

  it('refuses files that only pretend', () => {
    expect(matchesDeclaredType('image/webp', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBe(false);
    expect(matchesDeclaredType('video/mp4', bytes('<html>ftyp'))).toBe(false);
    expect(matchesDeclaredType('image/jpeg', bytes([0xff, 0xd8]))).toBe(false);
    expect(matchesDeclaredType(XLSX_MIME_TYPE, bytes('xl/ but not a zip'))).toBe(false);
  });
});

describe('file names', () => {
  it('keeps an ordinary Indonesian name as it is', () => {
    expect(sanitizeFileName('Bukti Pembayaran Retribusi (Maret).pdf', 'application/pdf')).toBe(
      'Bukti Pembayaran Retribusi (Maret).pdf',
    );
  });

  it('adds the real type’s extension to a name that hides another', () => {
    expect(sanitizeFileName('invoice.pdf.exe', 'application/pdf')).toBe('invoice.pdf.exe.pdf');
    expect(sanitizeFileName('laporan', XLSX_MIME_TYPE)).toBe('laporan.xlsx');
  });

  it('shortens very long names and keeps their extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(400)}.jpg`, 'image/jpeg');
    expect(name.length).toBe(200);
    expect(name.endsWith('.jpg')).toBe(true);
  });

  it('decodes percent-encoded UTF-8 names and leaves undecodable ones as sent', () => {
    expect(decodeFileNameHeader(encodeURIComponent('foto ✓.jpg'))).toBe('foto ✓.jpg');
    expect(decodeFileNameHeader('100%.jpg')).toBe('100%.jpg');
    expect(decodeFileNameHeader(undefined)).toBe('');
  });

  it('quotes the download name safely, with the exact name in filename*', () => {
    const header = contentDisposition('a"b\\c ✓.pdf');
    expect(header).toBe(
      `attachment; filename="a_b_c _.pdf"; filename*=UTF-8''a%22b%5Cc%20%E2%9C%93.pdf`,
    );
  });
});
