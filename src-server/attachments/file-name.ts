// File names from uploaders are data, never paths: the name kept is the last path segment, without
// control or reserved characters, leading dots or Windows device names, with an extension that
// fits the file's real type (so `invoice.pdf.exe` declared as a PDF becomes `invoice.pdf.exe.pdf`).
import type { AttachmentMimeType } from '../../src-shared/api/attachments';
import { extensionsOf } from './file-types';

const MAX_NAME_LENGTH = 200;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** The header value as the client meant it: percent-encoded UTF-8 when it decodes, else as is. */
export function decodeFileNameHeader(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function sanitizeFileName(raw: string, mimeType: AttachmentMimeType): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    // Control characters, and the characters Windows forbids in names.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '_')
    // Unicode direction overrides can disguise an extension (`gpj.exe` shown as `exe.jpg`).
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  const extensions = extensionsOf(mimeType);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const base = name === '' ? 'lampiran' : name;
  const withExtension = extensions.includes(extension) ? base : `${base}.${extensions[0] ?? 'bin'}`;
  if (withExtension.length <= MAX_NAME_LENGTH) return withExtension;
  const tailDot = withExtension.lastIndexOf('.');
  const tail = withExtension.slice(tailDot);
  return `${withExtension.slice(0, MAX_NAME_LENGTH - tail.length)}${tail}`;
}

/**
 * `Content-Disposition: attachment` naming the file: an ASCII fallback for old clients and the
 * exact UTF-8 name in `filename*` (RFC 6266 / RFC 5987).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
