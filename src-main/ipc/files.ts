// files:save — the only way a file leaves the app: the operator picks the place in a save dialog.

import type { SaveDialogOptions } from 'electron';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Logger } from '../log';
import type { BridgeHandlers, IpcContext } from './registry';

/** Largest file the app writes, after decoding. */
export const MAX_SAVED_FILE_BYTES = 50 * 1024 * 1024;

/** Strict base64 (padded, no whitespace), checked without a backtracking regex on 100 MB inputs. */
export function isStrictBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  if (/[^A-Za-z0-9+/=]/.test(text)) return false;
  const firstPad = text.indexOf('=');
  if (firstPad === -1) return true;
  return (
    firstPad >= text.length - 2 &&
    text
      .slice(firstPad)
      .split('')
      .every((c) => c === '=')
  );
}

/** Pure: the bytes to write. Node's base64 decoder skips bad characters silently, so check first. */
export function decodeFileContent(content: string, encoding: 'utf8' | 'base64'): Result<Buffer> {
  if (encoding === 'base64' && !isStrictBase64(content)) {
    return err(appError('files/invalid-content', 'The file content is not valid base64.'));
  }
  const bytes = Buffer.from(content, encoding);
  if (bytes.byteLength > MAX_SAVED_FILE_BYTES) {
    return err(appError('files/too-large', 'The file is larger than 50 MB and cannot be saved.'));
  }
  return ok(bytes);
}

export interface FilesDeps {
  readonly showSaveDialog: (
    ctx: IpcContext,
    options: SaveDialogOptions,
  ) => Promise<{ canceled: boolean; filePath?: string | undefined }>;
  readonly writeFile: (filePath: string, data: Uint8Array) => Promise<void>;
  /** Where the dialog opens (the user's Downloads folder). */
  readonly defaultDirectory: () => string;
  readonly joinPath: (directory: string, name: string) => string;
  readonly log: Logger;
}

export function filesHandlers(deps: FilesDeps): Pick<BridgeHandlers, 'files:save'> {
  return {
    'files:save': async (request, ctx) => {
      const content = decodeFileContent(request.content, request.encoding);
      if (!content.ok) return content;

      const options: SaveDialogOptions = {
        defaultPath: deps.joinPath(deps.defaultDirectory(), request.suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      if (request.filters !== undefined) {
        options.filters = request.filters.map((filter) => ({
          name: filter.name,
          extensions: [...filter.extensions],
        }));
      }
      const choice = await deps.showSaveDialog(ctx, options);
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
        return ok({ saved: false as const });
      }

      try {
        await deps.writeFile(choice.filePath, content.value);
      } catch (error) {
        deps.log.warn('file could not be saved', { path: choice.filePath, error });
        const reason = error instanceof Error ? error.message : String(error);
        return err(appError('files/write-failed', `The file could not be saved: ${reason}`));
      }
      deps.log.info('file saved', { path: choice.filePath, bytes: content.value.byteLength });
      return ok({ saved: true as const, path: choice.filePath });
    },
  };
}
