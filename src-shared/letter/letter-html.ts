// The official letter as one self-contained HTML document, printed to an A4 PDF by the host
// (Electron's printToPDF, the browser's print dialog). Every value from a person is escaped; the
// document carries no script and a Content-Security-Policy that forbids scripts and remote loads,
// so even a hostile agency name or response text stays text and the page reaches nothing.

import { LetterheadLogoSchema } from '../domain/agency';
import { escapeHtml } from '../domain/templating/template-render';
import type { LetterModel } from './letter-model';

/**
 * Nothing but inline styles and data: images. No script-src at all (default-src 'none' covers
 * it), no connections, no frames, no forms, no <base>.
 */
export const LETTER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  'img-src data:',
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The letter's styles: A4 with the margins of Indonesian official letters (tata naskah dinas),
 * a serif face, the kop surat over a double rule, the signature block on the right. On screen
 * (the dialog's preview) the page margins become padding.
 */
export const LETTER_CSS = `
@page { size: A4; margin: 20mm 20mm 20mm 25mm; }
html { background: #fff; color: #000; }
body {
  margin: 0;
  font-family: 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif;
  font-size: 12pt;
  line-height: 1.45;
}
@media screen {
  body { box-sizing: border-box; max-width: 210mm; padding: 20mm 20mm 20mm 25mm; }
}
p { margin: 0; }
.kop {
  display: grid;
  grid-template-columns: 24mm 1fr 24mm;
  align-items: center;
  column-gap: 4mm;
  padding-bottom: 3mm;
  border-bottom: 4px double #000;
}
.kop__logo { width: 24mm; height: 24mm; object-fit: contain; }
.kop__text { text-align: center; }
.kop__government { font-size: 14pt; font-weight: bold; letter-spacing: 0.02em; }
.kop__agency { font-size: 16pt; font-weight: bold; letter-spacing: 0.02em; }
.kop__address, .kop__contact { font-size: 10pt; }
.letter__date { margin: 6mm 0 4mm; text-align: right; }
.letter__meta { border-collapse: collapse; }
.letter__meta th { padding: 0 2mm 0 0; font-weight: normal; text-align: left; vertical-align: top; }
.letter__meta td { padding: 0; vertical-align: top; }
.letter__meta td:first-of-type { padding-right: 2mm; }
.letter__recipient { margin: 6mm 0; }
.letter__body p { margin: 0 0 3mm; text-align: justify; }
.letter__signature {
  width: 55%;
  margin: 8mm 0 0 45%;
  break-inside: avoid;
  page-break-inside: avoid;
}
.letter__signature-space { height: 22mm; }
.letter__signer-name { font-weight: bold; text-decoration: underline; }
`;

const esc = escapeHtml;

/** Lines of one paragraph, each escaped, joined with <br>. */
function linesHtml(lines: readonly string[]): string {
  return lines.map(esc).join('<br>');
}

function logoHtml(logo: string | null): string {
  // Checked again here: a model built by hand (or from damaged data) must not smuggle a URL in.
  if (logo === null || !LetterheadLogoSchema.safeParse(logo).success) {
    return '<span class="kop__logo" aria-hidden="true"></span>';
  }
  return `<img class="kop__logo" src="${esc(logo)}" alt="">`;
}

function letterheadHtml(model: LetterModel): string {
  const head = model.letterhead;
  const lines = [
    head.government === null ? '' : `<p class="kop__government">${esc(head.government)}</p>`,
    `<p class="kop__agency">${esc(head.agencyName)}</p>`,
    ...head.addressLines.map((line) => `<p class="kop__address">${esc(line)}</p>`),
    head.contact === null ? '' : `<p class="kop__contact">${esc(head.contact)}</p>`,
  ].filter((line) => line !== '');
  return [
    '<header class="kop">',
    logoHtml(head.logo),
    `<div class="kop__text">${lines.join('')}</div>`,
    '<span aria-hidden="true"></span>',
    '</header>',
  ].join('\n');
}

function metaRow(label: string, value: string): string {
  return `<tr><th scope="row">${label}</th><td>:</td><td>${esc(value)}</td></tr>`;
}

function signatureHtml(model: LetterModel): string {
  const { signer } = model;
  return [
    '<section class="letter__signature">',
    `<p>${esc(signer.title)},</p>`,
    '<div class="letter__signature-space"></div>',
    `<p class="letter__signer-name">${esc(signer.name)}</p>`,
    signer.nip === null ? '' : `<p>NIP. ${esc(signer.nip)}</p>`,
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The complete HTML document of the letter. */
export function letterHtml(model: LetterModel): string {
  const body = model.paragraphs.map((lines) => `<p>${linesHtml(lines)}</p>`).join('\n');
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(LETTER_CONTENT_SECURITY_POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(model.documentTitle)}</title>`,
    `<style>${LETTER_CSS}</style>`,
    '</head>',
    '<body>',
    letterheadHtml(model),
    `<p class="letter__date">${esc(model.placeAndDate)}</p>`,
    '<table class="letter__meta">',
    metaRow('Nomor', model.number),
    metaRow('Lampiran', model.attachment),
    metaRow('Perihal', model.subject),
    '</table>',
    '<div class="letter__recipient">',
    `<p>Yth. ${esc(model.recipient)}</p>`,
    '<p>di Tempat</p>',
    '</div>',
    `<main class="letter__body">${body}</main>`,
    signatureHtml(model),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
