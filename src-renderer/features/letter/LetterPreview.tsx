// The letter exactly as it will print, in a frame that runs no script: sandboxed without
// allow-scripts (the letter's own CSP forbids them too). Same-origin only so this page can hand
// the frame the letter's styles (see adoptOwnStyles).

/**
 * A srcdoc frame inherits this page's Content-Security-Policy, and the app's forbids inline
 * <style> (in Electron and in the browser host's build): the letter would preview unstyled. The
 * frame's own style elements are handed to it again through the CSS object model, which that
 * rule does not cover; the browser host does the same for the frame it prints from.
 */
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

export function LetterPreview({
  html,
  title,
  emptyText,
}: {
  html: string | null;
  title: string;
  emptyText: string;
}) {
  if (html === null) {
    return (
      <div className="letter-preview letter-preview--empty">
        <p>{emptyText}</p>
      </div>
    );
  }
  return (
    <iframe
      className="letter-preview"
      title={title}
      sandbox="allow-same-origin"
      srcDoc={html}
      onLoad={(event) => {
        adoptOwnStyles(event.currentTarget);
      }}
    />
  );
}
