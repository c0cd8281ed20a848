// The official letter (surat) of an approved or published response: which agency issues it, the
// fields the operator may edit before printing (with their defaults), and the resolved model that
// letter-html.ts prints. Pure: agencies, users and the response's timestamps come in as data.

import {
  ancestorIds,
  DEFAULT_LETTER_NUMBER_PATTERN,
  LetterheadLogoSchema,
  type Agency,
  type Letterhead,
} from '../domain/agency';
import { dayNumberFromDateKey, type DateKey } from '../domain/calendar-date';
import type { Report } from '../domain/report';
import type { ReportResponse } from '../domain/response';
import { NEUTRAL_REPORTER_NAME } from '../domain/templating/template-context';
import { formatIndonesianDate } from '../domain/templating/template-render';
import { localDateKey, startOfLocalDay } from '../domain/time-zone';
import type { User } from '../domain/user';
import { err, ok, type Result } from '../result';
import { formatLetterNumber } from './letter-number';

/** Over the signature when neither the signer's agency nor the issuer sets a title. */
export const DEFAULT_SIGNER_TITLE = 'Pejabat Penghubung';
/** The letter's attachments line when it has none. */
export const NO_ATTACHMENT = '-';

/** A response a letter may be made of: approved (about to go out) or published. */
export type LetterReadyResponse = Extract<ReportResponse, { state: 'approved' | 'published' }>;

export function isLetterReady(response: ReportResponse): response is LetterReadyResponse {
  return response.state === 'approved' || response.state === 'published';
}

/** When the response was approved for the last time, or published. */
function letterReadyAt(response: LetterReadyResponse): number {
  return response.state === 'published' ? response.publishedAt : response.reviewedAt;
}

/** The responses a letter may be made of, newest first. */
export function letterReadyResponses(responses: readonly ReportResponse[]): LetterReadyResponse[] {
  return responses
    .filter(isLetterReady)
    .sort((a, b) => letterReadyAt(b) - letterReadyAt(a) || a.id.localeCompare(b.id));
}

/** Everything a letter is made from, as the client holds it. */
export interface LetterSource {
  readonly response: LetterReadyResponse;
  readonly report: Report;
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly users: ReadonlyMap<string, User>;
}

/** What the operator may change in the letter dialog before printing. */
export interface LetterFields {
  readonly number: string;
  /** The letter's date, a calendar day in the issuing agency's time zone. */
  readonly date: DateKey;
  readonly attachment: string;
  readonly subject: string;
  readonly signerName: string;
  readonly signerTitle: string;
  /** Nomor Induk Pegawai; blank leaves the NIP line out. */
  readonly signerNip: string;
}

export type LetterField = keyof LetterFields;

/** The longest value each field takes (the dialog's inputs use the same limits). */
export const letterFieldMaxLength: Readonly<Record<LetterField, number>> = {
  number: 100,
  date: 10,
  attachment: 100,
  subject: 300,
  signerName: 200,
  signerTitle: 200,
  signerNip: 30,
};

const requiredFields: readonly LetterField[] = [
  'number',
  'date',
  'subject',
  'signerName',
  'signerTitle',
];

export interface LetterFieldProblem {
  readonly field: LetterField;
  readonly problem: 'required' | 'too-long' | 'invalid-date';
}

export interface LetterError {
  readonly code: 'letter/unknown-agency' | 'letter/invalid-fields';
  readonly message: string;
  readonly problems: readonly LetterFieldProblem[];
}

/** The resolved letter: every string final (not yet escaped), ready for letterHtml. */
export interface LetterModel {
  /** The PDF's title (`<title>`). */
  readonly documentTitle: string;
  readonly letterhead: {
    /** The government the issuing office belongs to, in capitals (PEMERINTAH KOTA SUKAMAJU). */
    readonly government: string | null;
    readonly agencyName: string;
    readonly addressLines: readonly string[];
    /** Telepon, Pos-el and Laman on one line, or null when none is set. */
    readonly contact: string | null;
    /** A PNG or JPEG data URL, or null. */
    readonly logo: string | null;
  };
  /** "Sukamaju, 1 Desember 2026" (the city left out when the letterhead sets none). */
  readonly placeAndDate: string;
  readonly number: string;
  readonly attachment: string;
  readonly subject: string;
  /** Who the letter is addressed to, after "Yth.": never an anonymous reporter's name. */
  readonly recipient: string;
  /** The response's text: paragraphs, each a list of lines. */
  readonly paragraphs: readonly (readonly string[])[];
  readonly signer: {
    readonly title: string;
    readonly name: string;
    readonly nip: string | null;
  };
}

// ---------------------------------------------------------------------------------------------
// The issuing agency and its letterhead

/** The agency and its ancestors, nearest first; only those the client knows. */
function selfAndAncestors(agencies: ReadonlyMap<string, Agency>, id: string): Agency[] {
  return [id, ...ancestorIds(agencies, id)]
    .map((agencyId) => agencies.get(agencyId))
    .filter((agency): agency is Agency => agency !== undefined);
}

/**
 * The agency that issues the letter of a response: the response's agency, or, for a work unit
 * (units write no letters of their own), the nearest office above it. Null when unknown.
 */
export function letterIssuer(
  agencyId: string,
  agencies: ReadonlyMap<string, Agency>,
): Agency | null {
  const chain = selfAndAncestors(agencies, agencyId);
  return chain.find((agency) => agency.level !== 'unit') ?? chain[0] ?? null;
}

/**
 * The letterhead printed for `issuer`: its own settings. Only the logo and the city are taken
 * from above when the issuer sets none: the offices of a region print its emblem and sit in its
 * city, but an address or telephone number of another office would send replies astray.
 */
export function effectiveLetterhead(
  issuer: Agency,
  agencies: ReadonlyMap<string, Agency>,
): { readonly own: Letterhead | null; readonly logo: string | null; readonly city: string } {
  const chain = selfAndAncestors(agencies, issuer.id);
  const heads = chain.map((agency) => agency.settings.letterhead ?? null);
  const logos = heads.map((head) => head?.logo ?? null);
  const logo = logos.find((l) => l !== null && LetterheadLogoSchema.safeParse(l).success) ?? null;
  const city = heads.find((head) => head !== null && head.city.trim() !== '')?.city.trim() ?? '';
  return { own: heads[0] ?? null, logo, city };
}

function upper(text: string): string {
  return text.toLocaleUpperCase('id-ID');
}

function nonBlank(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

// ---------------------------------------------------------------------------------------------
// Defaults

/** Who signs by default: the liaison who published the response (or approved it, if not yet). */
function defaultSigner(source: LetterSource): User | null {
  const { response, users } = source;
  const id = response.state === 'published' ? response.publishedById : response.reviewedById;
  return users.get(id) ?? null;
}

function signerTitleFor(source: LetterSource, issuer: Agency | null, signer: User | null): string {
  const fromSigner =
    signer === null ? null : source.agencies.get(signer.agencyId)?.settings.letterhead?.signerTitle;
  const fromIssuer = issuer?.settings.letterhead?.signerTitle;
  return nonBlank(fromSigner ?? '') ?? nonBlank(fromIssuer ?? '') ?? DEFAULT_SIGNER_TITLE;
}

/** The issuer's code in letter numbers: its letterhead's, else its id in capitals. */
function agencyCode(issuer: Agency | null, fallbackId: string): string {
  return nonBlank(issuer?.settings.letterhead?.code ?? '') ?? upper(issuer?.id ?? fallbackId);
}

/** The letter number the issuer's pattern gives for a letter dated `date`. */
export function defaultLetterNumber(source: LetterSource, date: DateKey): string {
  const issuer = letterIssuer(source.response.agencyId, source.agencies);
  const pattern = issuer?.settings.letterhead?.numberPattern ?? DEFAULT_LETTER_NUMBER_PATTERN;
  const [year = 0, month = 0] = date.split('-').map(Number);
  return formatLetterNumber(pattern, {
    trackingId: source.report.trackingId,
    code: agencyCode(issuer, source.response.agencyId),
    month,
    year,
  });
}

export function defaultLetterSubject(report: Report): string {
  return `Tindak Lanjut Laporan Nomor ${report.trackingId}`;
}

/** The dialog's starting values: dated the day of publication in the issuer's time zone. */
export function letterDefaults(source: LetterSource): LetterFields {
  const issuer = letterIssuer(source.response.agencyId, source.agencies);
  const timeZone = issuer?.timeZone ?? source.report.timeZone;
  const date = localDateKey(letterReadyAt(source.response), timeZone);
  const signer = defaultSigner(source);
  return {
    number: defaultLetterNumber(source, date),
    date,
    attachment: NO_ATTACHMENT,
    subject: defaultLetterSubject(source.report),
    signerName: signer?.displayName ?? '',
    signerTitle: signerTitleFor(source, issuer, signer),
    signerNip: '',
  };
}

// ---------------------------------------------------------------------------------------------
// The model

/** What is wrong with the operator's fields, in field order; empty when the letter can be made. */
export function letterFieldProblems(fields: LetterFields): LetterFieldProblem[] {
  const problems: LetterFieldProblem[] = [];
  for (const field of Object.keys(letterFieldMaxLength) as LetterField[]) {
    const value = fields[field].trim();
    if (value === '' && requiredFields.includes(field)) {
      problems.push({ field, problem: 'required' });
    } else if (value.length > letterFieldMaxLength[field]) {
      problems.push({ field, problem: 'too-long' });
    } else if (field === 'date' && dayNumberFromDateKey(value) === null) {
      problems.push({ field, problem: 'invalid-date' });
    }
  }
  return problems;
}

/**
 * Who the letter greets: an anonymous reporter, or one whose identity this client may not see,
 * is "Bapak/Ibu Pelapor" (the same neutral form the templates use), never a name.
 */
export function letterRecipient(report: Report): string {
  if (report.privacy.anonim || report.reporter === null) return NEUTRAL_REPORTER_NAME;
  const name = report.reporter.name.trim();
  return name === '' ? NEUTRAL_REPORTER_NAME : `Bapak/Ibu ${name}`;
}

/** Plain text into paragraphs (split at blank lines) of lines, trailing spaces dropped. */
export function letterParagraphs(body: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line.trimEnd());
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function contactLine(head: Letterhead | null): string | null {
  if (head === null) return null;
  const parts = [
    nonBlank(head.phone) === null ? null : `Telepon ${head.phone.trim()}`,
    nonBlank(head.email) === null ? null : `Pos-el ${head.email.trim()}`,
    nonBlank(head.website) === null ? null : `Laman ${head.website.trim()}`,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

/** The government an office belongs to: its parent, named above it on the letterhead. */
function governmentOf(issuer: Agency, agencies: ReadonlyMap<string, Agency>): string | null {
  if (issuer.level !== 'opd' || issuer.parentId === null) return null;
  const parent = agencies.get(issuer.parentId);
  return parent === undefined ? null : upper(parent.name);
}

function describeProblem(problem: LetterFieldProblem): string {
  return `${problem.field} ${problem.problem}`;
}

/** The letter of `source` with the operator's `fields`, or why it cannot be made. */
export function letterModel(
  source: LetterSource,
  fields: LetterFields,
): Result<LetterModel, LetterError> {
  const issuer = letterIssuer(source.response.agencyId, source.agencies);
  if (issuer === null) {
    return err({
      code: 'letter/unknown-agency',
      message: `The agency ${source.response.agencyId} of the response is not known here`,
      problems: [],
    });
  }
  const problems = letterFieldProblems(fields);
  const dayNumber = dayNumberFromDateKey(fields.date.trim());
  if (problems.length > 0 || dayNumber === null) {
    return err({
      code: 'letter/invalid-fields',
      message: `The letter cannot be made: ${problems.map(describeProblem).join(', ')}`,
      problems,
    });
  }

  const { own, logo, city } = effectiveLetterhead(issuer, source.agencies);
  const date = formatIndonesianDate(startOfLocalDay(dayNumber, issuer.timeZone), issuer.timeZone);
  const nip = nonBlank(fields.signerNip);
  return ok({
    documentTitle: `${fields.subject.trim()} (${fields.number.trim()})`,
    letterhead: {
      government: governmentOf(issuer, source.agencies),
      agencyName: upper(issuer.name),
      addressLines: (own?.address ?? '')
        .split(/\r\n?|\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      contact: contactLine(own),
      logo,
    },
    placeAndDate: city === '' ? date : `${city}, ${date}`,
    number: fields.number.trim(),
    attachment: nonBlank(fields.attachment) ?? NO_ATTACHMENT,
    subject: fields.subject.trim(),
    recipient: letterRecipient(source.report),
    paragraphs: letterParagraphs(source.response.body),
    signer: { title: fields.signerTitle.trim(), name: fields.signerName.trim(), nip },
  });
}

/** The PDF's suggested file name. */
export function letterFileName(report: Report): string {
  return `Surat-Tindak-Lanjut-${report.trackingId}.pdf`;
}
