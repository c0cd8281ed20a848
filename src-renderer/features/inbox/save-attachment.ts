// Saves a downloaded attachment through the host bridge (`files:save`), the only way a file leaves
// the app: Electron asks where with a save dialog (a renderer may not start downloads itself: see
// src-main/security.ts), the browser host clicks an <a download> for a Blob URL and revokes it.
import type { PoskoBridge } from '../../../src-shared/bridge';
import { err, ok, type Result } from '../../../src-shared/result';

export interface FileToSave {
  readonly bytes: ArrayBuffer;
  readonly fileName: string;
  readonly mimeType: string;
}

/** saved: written (or handed to the browser); cancelled: the operator closed the save dialog. */
export type SaveOutcome = 'saved' | 'cancelled';

export type SaveAttachment = (file: FileToSave) => Promise<Result<SaveOutcome>>;

/** Standard padded base64 of `bytes`, in chunks (String.fromCharCode has an argument limit). */
export function base64FromBytes(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < view.length; i += CHUNK) {
    binary += String.fromCharCode(...view.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export async function saveAttachment(
  bridge: Pick<PoskoBridge, 'invoke'>,
  file: FileToSave,
): Promise<Result<SaveOutcome>> {
  const answer = await bridge.invoke('files:save', {
    suggestedName: file.fileName,
    content: base64FromBytes(file.bytes),
    encoding: 'base64',
  });
  if (!answer.ok) return err(answer.error);
  return ok(answer.value.saved ? 'saved' : 'cancelled');
}

/**
 * saveAttachment on the app's bridge. The bridge module is loaded on first use: it picks the host
 * when evaluated, which only the running app (not a component test) can do.
 */
export const saveAttachmentWithBridge: SaveAttachment = async (file) => {
  const { bridge } = await import('../../platform/bridge');
  return saveAttachment(bridge, file);
};
