import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../../../../src-main/log';
import {
  decodeFileContent,
  filesHandlers,
  isStrictBase64,
  MAX_SAVED_FILE_BYTES,
} from '../../../../src-main/ipc/files';
import type { IpcContext } from '../../../../src-main/ipc/registry';

const ctx = { senderUrl: 'app://posko/index.html' } as IpcContext;

function setup(choice: { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn((_ctx: IpcContext, _options: SaveDialogOptions) =>
    Promise.resolve(choice),
  );
  const writeFile = vi.fn((_path: string, _data: Uint8Array) => Promise.resolve());
  const handlers = filesHandlers({
    showSaveDialog,
    writeFile,
    defaultDirectory: () => '/home/ani/Downloads',
    joinPath: (directory, name) => path.posix.join(directory, name),
    log: recordingLogger(),
  });
  return { showSaveDialog, writeFile, save: handlers['files:save'] };
}

describe('isStrictBase64', () => {
  it.each(['', 'QQ==', 'QUI=', 'QUJD', 'aGVsbG8gd29ybGQ='])('accepts %j', (text) => {
    expect(isStrictBase64(text)).toBe(true);
  });

  it.each(['Q', 'QQ=', 'Q===', 'QQ==QQ==', 'QU I=', 'QU\nI=', 'QUJ*', '=QUI'])(
    'rejects %j',
    (text) => {
      expect(isStrictBase64(text)).toBe(false);
    },
  );
});

describe('decodeFileContent', () => {
  it('encodes utf8 text as UTF-8 bytes', () => {
    const result = decodeFileContent('Laporan ✓', 'utf8');

    expect(result.ok && result.value.toString('utf8')).toBe('Laporan ✓');
  });

  it('decodes base64', () => {
    const result = decodeFileContent(Buffer.from([0, 1, 2, 255]).toString('base64'), 'base64');

    expect(result.ok && [...result.value]).toEqual([0, 1, 2, 255]);
  });

  it('refuses malformed base64 instead of writing a silently truncated file', () => {
    expect(decodeFileContent('not base64!', 'base64')).toMatchObject({
      ok: false,
      error: { code: 'files/invalid-content' },
    });
  });

  it('refuses content above the size limit', () => {
    const tooBig = 'a'.repeat(MAX_SAVED_FILE_BYTES + 1);

    expect(decodeFileContent(tooBig, 'utf8')).toMatchObject({
      ok: false,
      error: { code: 'files/too-large' },
    });
  });
});

describe('files:save', () => {
  it('offers the suggested name in Downloads with the filters, then writes the content there', async () => {
    const { save, showSaveDialog, writeFile } = setup({
      canceled: false,
      filePath: '/home/ani/laporan.csv',
    });

    const result = await save(
      {
        suggestedName: 'laporan.csv',
        content: 'id;status\n1;baru\n',
        encoding: 'utf8',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      },
      ctx,
    );

    expect(result).toEqual({ ok: true, value: { saved: true, path: '/home/ani/laporan.csv' } });
    expect(showSaveDialog).toHaveBeenCalledOnce();
    const [dialogCtx, options] = showSaveDialog.mock.calls[0]!;
    expect(dialogCtx).toBe(ctx);
    expect(options.defaultPath).toBe('/home/ani/Downloads/laporan.csv');
    expect(options.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    expect(writeFile).toHaveBeenCalledOnce();
    const [writtenPath, data] = writeFile.mock.calls[0]!;
    expect(writtenPath).toBe('/home/ani/laporan.csv');
    expect(Buffer.from(data).toString('utf8')).toBe('id;status\n1;baru\n');
  });

  it('writes decoded bytes for base64 content', async () => {
    const { save, writeFile } = setup({ canceled: false, filePath: '/tmp/a.pdf' });
    const bytes = Buffer.from('%PDF-1.7 binary \u0000\u00ff', 'latin1');

    await save(
      { suggestedName: 'a.pdf', content: bytes.toString('base64'), encoding: 'base64' },
      ctx,
    );

    expect(Buffer.from(writeFile.mock.calls[0]![1]).equals(bytes)).toBe(true);
  });

  it('answers saved:false and writes nothing when the operator cancels', async () => {
    const { save, writeFile } = setup({ canceled: true, filePath: '' });

    const result = await save({ suggestedName: 'a.txt', content: 'x', encoding: 'utf8' }, ctx);

    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('does not open a dialog for content it would refuse', async () => {
    const { save, showSaveDialog } = setup({ canceled: false, filePath: '/tmp/a.bin' });

    const result = await save({ suggestedName: 'a.bin', content: '@@@', encoding: 'base64' }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'files/invalid-content' } });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('reports a write failure as a value', async () => {
    const { save, writeFile } = setup({ canceled: false, filePath: '/read-only/a.txt' });
    writeFile.mockRejectedValueOnce(
      Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }),
    );

    const result = await save({ suggestedName: 'a.txt', content: 'x', encoding: 'utf8' }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'files/write-failed' } });
    if (!result.ok) expect(result.error.message).toContain('read-only');
  });
});
