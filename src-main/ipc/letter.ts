// letter:savePdf — prints an official letter (src-shared/letter) to an A4 PDF and saves it where
// the operator says. The HTML comes from the renderer, so it is printed in a window that can do
// nothing else: hidden, sandboxed, JavaScript off, no Node, no navigation, no pop-ups, in its own
// in-memory session that refuses every request except the data: URL of the letter itself.

import {
  BrowserWindow,
  session,
  type BrowserWindowConstructorOptions,
  type PrintToPDFOptions,
  type SaveDialogOptions,
  type Session,
  type WebContents,
} from 'electron';
import { appError, err, ok } from '../../src-shared/result';
import type { Logger } from '../log';
import type { FilesDeps } from './files';
import type { BridgeHandlers } from './registry';

/** No `persist:` prefix: the print session lives in memory and keeps nothing between letters. */
export const LETTER_PRINT_PARTITION = 'posko-letter-print';

/** Chromium refuses URLs longer than 2 MiB; the letter travels as one data: URL. */
export const MAX_LETTER_URL_CHARS = 2 * 1024 * 1024 - 1024;

export const LetterErrorCode = {
  tooLarge: 'letter/too-large',
  printFailed: 'letter/print-failed',
  writeFailed: 'letter/write-failed',
} as const;

/** A4 portrait; the margins are the letter's own (`@page` in letter-html.ts). */
export const LETTER_PDF_OPTIONS = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
} as const satisfies PrintToPDFOptions;

export function letterPrintWindowOptions(printSession: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    // A4 at 96 dpi: the page lays out as it will print.
    width: 794,
    height: 1123,
    webPreferences: {
      session: printSession,
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
      safeDialogs: true,
    },
  };
}

/** The letter as a data: URL (base64, so no character of the HTML can end the URL early). */
export function letterDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

let hardenedSession: Session | null = null;

/**
 * The print session, locked on first use: every request but a data: URL is cancelled (the letter
 * embeds its logo; anything remote in renderer-made HTML is refused, whatever its CSP says), and
 * every permission and download is refused.
 */
function printSession(log: Logger): Session {
  if (hardenedSession !== null) return hardenedSession;
  const printing = session.fromPartition(LETTER_PRINT_PARTITION);
  printing.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('data:');
    if (!allowed)
      log.warn('letter print window: request blocked', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
  printing.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  printing.setPermissionCheckHandler(() => false);
  printing.on('will-download', (event) => {
    event.preventDefault();
  });
  hardenedSession = printing;
  return printing;
}

/** For tests: the next call locks a fresh session. */
export function resetLetterPrintSession(): void {
  hardenedSession = null;
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function printLetter(html: string, log: Logger): Promise<Uint8Array> {
  const window = new BrowserWindow(letterPrintWindowOptions(printSession(log)));
  try {
    lockDown(window.webContents);
    await window.loadURL(letterDataUrl(html));
    return await window.webContents.printToPDF(LETTER_PDF_OPTIONS);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/** The same save dialog, Downloads folder and file writing as files:save. */
export type LetterDeps = FilesDeps;

export function letterHandlers(deps: LetterDeps): Pick<BridgeHandlers, 'letter:savePdf'> {
  const { log } = deps;
  return {
    'letter:savePdf': async (request, ctx) => {
      if (letterDataUrl(request.html).length > MAX_LETTER_URL_CHARS) {
        return err(
          appError(
            LetterErrorCode.tooLarge,
            'The letter is too large to print; use a smaller letterhead logo.',
          ),
        );
      }

      // Printed before the save dialog, so a letter that cannot be made fails before the
      // operator is asked where to put it.
      let pdf: Uint8Array;
      try {
        pdf = await printLetter(request.html, log);
      } catch (error) {
        log.warn('the letter could not be printed', { error });
        const reason = error instanceof Error ? error.message : String(error);
        return err(
          appError(LetterErrorCode.printFailed, `The letter could not be printed: ${reason}`),
        );
      }

      const options: SaveDialogOptions = {
        defaultPath: deps.joinPath(deps.defaultDirectory(), request.suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const choice = await deps.showSaveDialog(ctx, options);
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
        return ok({ saved: false as const, reason: 'cancelled' as const });
      }

      try {
        await deps.writeFile(choice.filePath, pdf);
      } catch (error) {
        log.warn('the letter could not be saved', { path: choice.filePath, error });
        const reason = error instanceof Error ? error.message : String(error);
        return err(
          appError(LetterErrorCode.writeFailed, `The letter could not be saved: ${reason}`),
        );
      }
      log.info('letter saved', { path: choice.filePath, bytes: pdf.byteLength });
      return ok({ saved: true as const, path: choice.filePath });
    },
  };
}
