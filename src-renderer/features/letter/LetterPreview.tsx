// The letter exactly as it will print, in a frame that runs no script: sandboxed without
// allow-scripts (the letter's own CSP forbids them too). Same-origin only so this page can hand
// the frame the letter's styles (see adoptOwnStyles).
import { adoptOwnStyles } from '../../platform/frame-styles';

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
