// Hands a letter's HTML to the host (letter:savePdf): Electron prints it to a PDF and asks where
// to save it; the browser host opens the browser's print dialog with it.
import type { PoskoBridge } from '../../../src-shared/bridge';
import { err, ok, type Result } from '../../../src-shared/result';

export type LetterSaveOutcome =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'print-dialog' };

export type SaveLetter = (html: string, fileName: string) => Promise<Result<LetterSaveOutcome>>;

export async function saveLetterPdf(
  bridge: Pick<PoskoBridge, 'invoke'>,
  html: string,
  fileName: string,
): Promise<Result<LetterSaveOutcome>> {
  const answer = await bridge.invoke('letter:savePdf', { html, suggestedName: fileName });
  if (!answer.ok) return err(answer.error);
  const result = answer.value;
  if (result.saved) return ok({ kind: 'saved', path: result.path });
  return ok({ kind: result.reason });
}

/**
 * saveLetterPdf on the app's bridge, loaded on first use: the bridge module picks the host when
 * evaluated, which only the running app (not a component test) can do.
 */
export const saveLetterWithBridge: SaveLetter = async (html, fileName) => {
  const { bridge } = await import('../../platform/bridge');
  return saveLetterPdf(bridge, html, fileName);
};
