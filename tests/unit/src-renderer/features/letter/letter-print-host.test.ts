// @vitest-environment happy-dom
// letter:savePdf as the browser host answers it (the print dialog), and saveLetterPdf's reading
// of the host's answer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PoskoBridge } from '../../../../../src-shared/bridge';
import { saveLetterPdf } from '../../../../../src-renderer/features/letter/save-letter';
import { createBrowserHost } from '../../../../../src-renderer/platform/browser-host';
import { MemoryStorage } from '../../../../support/memory-storage';

const HTML =
  '<!doctype html><html><head><title>Surat</title></head><body><p>Yth.</p></body></html>';

const host = () =>
  createBrowserHost({ version: '1', storage: new MemoryStorage(), defaultServerUrl: null });

const printFrames = () => [...document.querySelectorAll('iframe[data-posko-print]')];

/** The frame's window as the browser would give it once the letter has loaded. */
function loadFrame(frame: Element) {
  const view = Object.assign(new EventTarget(), { print: vi.fn(), focus: vi.fn() });
  Object.defineProperty(frame, 'contentWindow', { value: view });
  frame.dispatchEvent(new Event('load'));
  return view;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('letter:savePdf in the browser host', () => {
  it('prints the letter from a hidden frame that runs no script, then removes the frame', async () => {
    const pending = host().invoke('letter:savePdf', { html: HTML, suggestedName: 'Surat.pdf' });
    const [frame] = printFrames();
    expect(frame?.getAttribute('srcdoc')).toBe(HTML);
    expect(frame?.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    expect(frame?.getAttribute('aria-hidden')).toBe('true');

    const view = loadFrame(frame!);

    expect(await pending).toEqual({ ok: true, value: { saved: false, reason: 'print-dialog' } });
    expect(view.print).toHaveBeenCalledOnce();
    expect(printFrames()).toHaveLength(1);
    view.dispatchEvent(new Event('afterprint'));
    expect(printFrames()).toHaveLength(0);
  });

  it('leaves no earlier print frame behind', async () => {
    const bridge = host();
    const first = bridge.invoke('letter:savePdf', { html: HTML, suggestedName: 'Surat.pdf' });
    loadFrame(printFrames()[0]!);
    await first;

    const second = bridge.invoke('letter:savePdf', {
      html: `${HTML}<!-- 2 -->`,
      suggestedName: 'Surat.pdf',
    });
    expect(printFrames()).toHaveLength(1);
    expect(printFrames()[0]?.getAttribute('srcdoc')).toContain('<!-- 2 -->');
    loadFrame(printFrames()[0]!);
    await second;
  });

  it('refuses a name that is not a PDF file name, opening no frame', async () => {
    const untyped = host() as unknown as {
      invoke(channel: string, payload: unknown): Promise<unknown>;
    };
    for (const suggestedName of ['../Surat.pdf', 'Surat.html']) {
      expect(await untyped.invoke('letter:savePdf', { html: HTML, suggestedName })).toMatchObject({
        ok: false,
        error: { code: 'bridge/invalid-payload' },
      });
    }
    expect(printFrames()).toHaveLength(0);
  });
});

describe('saveLetterPdf', () => {
  const bridgeAnswering = (answer: Awaited<ReturnType<PoskoBridge['invoke']>>) => ({
    invoke: vi.fn(() => Promise.resolve(answer)) as unknown as PoskoBridge['invoke'],
  });

  it('asks the host to save the HTML under the given name', async () => {
    const bridge = bridgeAnswering({ ok: true, value: { saved: true, path: '/tmp/Surat.pdf' } });

    expect(await saveLetterPdf(bridge, HTML, 'Surat.pdf')).toEqual({
      ok: true,
      value: { kind: 'saved', path: '/tmp/Surat.pdf' },
    });
    expect(bridge.invoke).toHaveBeenCalledWith('letter:savePdf', {
      html: HTML,
      suggestedName: 'Surat.pdf',
    });
  });

  it('tells a cancelled save dialog from the print dialog, and passes errors on', async () => {
    const cancelled = bridgeAnswering({ ok: true, value: { saved: false, reason: 'cancelled' } });
    const printed = bridgeAnswering({ ok: true, value: { saved: false, reason: 'print-dialog' } });
    const failed = bridgeAnswering({
      ok: false,
      error: { code: 'letter/print-failed', message: 'x' },
    });

    expect(await saveLetterPdf(cancelled, HTML, 'S.pdf')).toEqual({
      ok: true,
      value: { kind: 'cancelled' },
    });
    expect(await saveLetterPdf(printed, HTML, 'S.pdf')).toEqual({
      ok: true,
      value: { kind: 'print-dialog' },
    });
    expect(await saveLetterPdf(failed, HTML, 'S.pdf')).toEqual({
      ok: false,
      error: { code: 'letter/print-failed', message: 'x' },
    });
  });
});
