// What an uploaded file really is: the first bytes ("magic numbers") of each accepted type, so a
// file declared as a PDF is a PDF and not a renamed executable or an HTML page.
import {
  DOCX_MIME_TYPE,
  XLSX_MIME_TYPE,
  type AttachmentMimeType,
} from '../../src-shared/api/attachments';
import { assertNever } from '../../src-shared/domain/assert-never';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string): number[] => Array.from(Buffer.from(text, 'latin1'));

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** Whether a zip archive (an Office Open XML file) names an entry under `folder`. */
function zipHasFolder(bytes: Uint8Array, folder: string): boolean {
  // Entry names are stored in plain ASCII in the local headers and the central directory.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    folder,
    0,
    'latin1',
  );
}

/** Whether `bytes` are a file of `mimeType`, judged by their signature. */
export function matchesDeclaredType(mimeType: AttachmentMimeType, bytes: Uint8Array): boolean {
  switch (mimeType) {
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/webp':
      return startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8);
    case 'application/pdf':
      return startsWith(bytes, ascii('%PDF-'));
    case 'video/mp4':
      // ISO base media: a box size, then `ftyp`.
      return startsWith(bytes, ascii('ftyp'), 4);
    case DOCX_MIME_TYPE:
      return startsWith(bytes, ZIP_LOCAL_HEADER) && zipHasFolder(bytes, 'word/');
    case XLSX_MIME_TYPE:
      return startsWith(bytes, ZIP_LOCAL_HEADER) && zipHasFolder(bytes, 'xl/');
    default:
      return assertNever(mimeType, 'attachment type');
  }
}

/** File name extensions that fit each type; the first is the one added when none fits. */
export function extensionsOf(mimeType: AttachmentMimeType): readonly string[] {
  switch (mimeType) {
    case 'image/jpeg':
      return ['jpg', 'jpeg'];
    case 'image/png':
      return ['png'];
    case 'image/webp':
      return ['webp'];
    case 'application/pdf':
      return ['pdf'];
    case 'video/mp4':
      return ['mp4', 'm4v'];
    case DOCX_MIME_TYPE:
      return ['docx'];
    case XLSX_MIME_TYPE:
      return ['xlsx'];
    default:
      return assertNever(mimeType, 'attachment type');
  }
}
