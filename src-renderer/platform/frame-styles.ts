// A srcdoc frame inherits its page's Content-Security-Policy, and Posko's forbids inline <style>
// (in Electron and in the browser host's build): an official letter would show and print
// unstyled. The frame's own style elements are handed to it again through the CSS object model,
// which that rule does not cover. Used by the letter preview and the browser host's print frame.

export function adoptOwnStyles(frame: HTMLIFrameElement): void {
  const doc = frame.contentDocument;
  const view = frame.contentWindow as (Window & typeof globalThis) | null;
  if (doc === null || view === null || !('adoptedStyleSheets' in doc)) return;
  const css = [...doc.querySelectorAll('style')].map((style) => style.textContent).join('\n');
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
  } catch {
    // Without constructed sheets the letter shows with whatever styles the page allows.
  }
}
