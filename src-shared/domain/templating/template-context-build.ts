// Builds the TemplateContext of one report from local data (the composer, the editor's preview and
// bulk reply all use this one function), and the snippet table a user's templates provide.
//
// Deadlines (`batas_waktu`, `hari_kerja_tersisa`) are what the citizen or unit reading the message
// is held to, counted in the report's time zone (render with `timeZone: report.timeZone`):
// - a request for information (kind `permintaan_informasi`) says until when the reporter's data
//   is awaited: the end of the agency's `pendingInfoWaitDays`-th working day after the pause
//   began (`pendingInfoExpiresAt`); written before the report is postponed (tunda carries the
//   message), the pause it is about to start is counted from `now`. After that day the report
//   may be archived, so the reporter must answer on or before it;
// - a disposition note starts the unit's first follow-up clock: 5 working days from `now`;
// - any other message, the deadline of the report's current SLA stage (`currentSlaStage`), and
//   for a report waiting in `pending_info` the end of that wait, as above. A closed report has
//   none (the variable is missing and must be filled).
// `hari_kerja_tersisa` counts working days after today up to that day (0: due today). Once the
// day has passed it is missing rather than negative: a letter never promises "-2 hari kerja".

import { DEFAULT_AGENCY_SETTINGS, type Agency } from '../agency';
import type { Category } from '../category';
import type { Disposition } from '../disposition';
import type { EpochMs } from '../epoch-ms';
import type { Report, Reporter } from '../report';
import {
  FIRST_FOLLOWUP_WORKING_DAYS,
  addWorkingDays,
  currentSlaStage,
  dueAt,
  pendingInfoExpiresAt,
  workingDaysBetween,
  type SlaCalendar,
} from '../sla-calendar';
import { SNIPPET_KIND, SNIPPET_NAME_PATTERN, type Template, type TemplateKind } from '../template';
import type { User } from '../user';
import {
  NEUTRAL_REPORTER_NAME,
  NEUTRAL_SALUTATION,
  findTemplateVariable,
  type TemplateContext,
  type TemplateDisposition,
  type TemplateVariableType,
} from './template-context';
import { formatIndonesianDateKey, type TemplateSnippets } from './template-render';

export interface TemplateContextInput {
  readonly report: Report;
  readonly dispositions: readonly Disposition[];
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly users: ReadonlyMap<string, User>;
  /** The operator writing (petugas.nama). */
  readonly officerId: string;
  readonly now: EpochMs;
  readonly calendar: SlaCalendar;
  /**
   * The kind of message being written, when known: a request for information or a disposition
   * note starts a clock of its own, and `batas_waktu` is that clock's deadline (header comment).
   */
  readonly kind?: TemplateKind | null;
}

// ---------------------------------------------------------------------------------------------
// The reporter

/** Honorifics citizens type before their own name, as a letter writes them. */
const HONORIFICS: readonly (readonly [RegExp, string])[] = [
  [/^(bapak|bpk\.?|pak)\s+/i, 'Bapak'],
  [/^(ibu|bu)\s+/i, 'Ibu'],
  [/^(saudari|sdri\.?)\s+/i, 'Saudari'],
  [/^(saudara|sdr\.?)\s+/i, 'Saudara'],
];

/**
 * A name as a letter writes it: spaces tidied, and a name typed all in capitals or all in small
 * letters capitalised per word. A name in mixed case is kept as its owner wrote it.
 */
function formalName(name: string): string {
  const tidy = name.trim().replace(/\s+/g, ' ');
  if (tidy !== tidy.toUpperCase() && tidy !== tidy.toLowerCase()) return tidy;
  // Not after an apostrophe: Ma'ruf, not Ma'Ruf.
  return tidy
    .toLowerCase()
    .replace(
      /(^|[\s.-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );
}

/**
 * `pelapor.nama` and `pelapor.sapaan`. An anonymous reporter is only ever the neutral forms, even
 * when this client holds the identity. A reporter withheld from this user (a role that may not
 * see identities) is greeted neutrally; the name stays empty, to be filled if a template needs it.
 */
function reporterOf(report: Report): TemplateContext['pelapor'] {
  if (report.privacy.anonim) return { nama: NEUTRAL_REPORTER_NAME, sapaan: NEUTRAL_SALUTATION };
  const reporter: Reporter | null = report.reporter;
  const name = reporter === null ? '' : formalName(reporter.name);
  if (name === '') return { nama: '', sapaan: NEUTRAL_SALUTATION };
  for (const [pattern, honorific] of HONORIFICS) {
    const match = pattern.exec(name);
    if (match !== null) {
      const rest = name.slice(match[0].length);
      return { nama: rest, sapaan: `${honorific} ${rest}` };
    }
  }
  return { nama: name, sapaan: `${NEUTRAL_SALUTATION} ${name}` };
}

// ---------------------------------------------------------------------------------------------
// Deadlines

function deadlineOf(input: TemplateContextInput): EpochMs | null {
  const { report, now, calendar } = input;
  const settings = input.agencies.get(report.agencyId)?.settings ?? DEFAULT_AGENCY_SETTINGS;
  const tz = report.timeZone;
  if (input.kind === 'disposisi') {
    return addWorkingDays(now, FIRST_FOLLOWUP_WORKING_DAYS, tz, calendar);
  }
  if (input.kind === 'permintaan_informasi' || report.status === 'pending_info') {
    return (
      pendingInfoExpiresAt(report, calendar, settings) ??
      addWorkingDays(now, settings.pendingInfoWaitDays, tz, calendar)
    );
  }
  const stage = currentSlaStage(report);
  return stage === null ? null : dueAt(report, stage, calendar, settings);
}

function workingDaysLeft(deadline: EpochMs | null, input: TemplateContextInput): number | null {
  if (deadline === null) return null;
  const days = workingDaysBetween(input.now, deadline, input.report.timeZone, input.calendar);
  return days < 0 ? null : days;
}

// ---------------------------------------------------------------------------------------------
// The context

function dispositionsOf(input: TemplateContextInput): TemplateDisposition[] {
  const nameOf = (id: string | null): string =>
    id === null ? '' : (input.agencies.get(id)?.name ?? '');
  return input.dispositions
    .filter((disposition) => disposition.reportId === input.report.id)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((disposition) => ({
      instansi: nameOf(disposition.toAgencyId),
      unit: nameOf(disposition.toUnitId),
      tanggal: disposition.at,
      // Internal instructions: only disposition notes (to a unit) should print them.
      catatan: disposition.note ?? '',
    }));
}

/** Everything a template may mention about one report; unknown values are empty. */
export function buildTemplateContext(input: TemplateContextInput): TemplateContext {
  const { report, agencies } = input;
  const agency = agencies.get(report.agencyId);
  const deadline = deadlineOf(input);
  return {
    laporan: {
      nomor: report.trackingId,
      judul: report.title,
      tanggal: report.createdAt,
      kategori:
        report.categoryId === null ? '' : (input.categories.get(report.categoryId)?.name ?? ''),
      lokasi: report.location.text,
      anonim: report.privacy.anonim,
      rahasia: report.privacy.rahasia,
    },
    pelapor: reporterOf(report),
    instansi: {
      nama: agency?.name ?? '',
      alamat: agency?.settings.letterhead?.address ?? '',
    },
    unit: {
      nama: report.unitId === null ? '' : (agencies.get(report.unitId)?.name ?? ''),
    },
    petugas: { nama: input.users.get(input.officerId)?.displayName ?? '' },
    batas_waktu: deadline,
    hari_kerja_tersisa: workingDaysLeft(deadline, input),
    disposisi: dispositionsOf(input),
  };
}

// ---------------------------------------------------------------------------------------------
// Fills

/** Values the operator typed for variables that were empty, by variable name (`petugas.nama`). */
export type TemplateFills = Readonly<Record<string, string>>;

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that would reach object machinery instead of data. */
const RESERVED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
const NOT_SET: unique symbol = Symbol('not set');

function segmentsOf(path: string): string[] | null {
  const segments = path.split('.');
  return segments.every((segment) => SEGMENT.test(segment) && !RESERVED_SEGMENTS.has(segment))
    ? segments
    : null;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function readOwnPath(base: unknown, segments: readonly string[]): unknown {
  return segments.reduce<unknown>(
    (value, key) => (isRecord(value) ? ownValue(value, key) : undefined),
    base,
  );
}

/** A copy of `base` with the value at `segments` replaced by `update`'s, or NOT_SET. */
function updatePath(
  base: unknown,
  segments: readonly string[],
  update: (current: unknown) => unknown,
): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return update(base);
  if (base !== undefined && !isRecord(base)) return NOT_SET;
  const record = base ?? {};
  const next = updatePath(ownValue(record, head), rest, update);
  return next === NOT_SET ? NOT_SET : { ...record, [head]: next };
}

/** A fill replaces a value, never an object or a list (`{{laporan}}` is not a blank to fill). */
const replaceWith =
  (value: unknown) =>
  (current: unknown): unknown =>
    typeof current === 'object' && current !== null ? NOT_SET : value;

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** Fills the blank `field` of every item of a list; NOT_SET when `list` is not one. */
function fillItems(list: unknown, field: readonly string[], value: unknown): unknown {
  if (!Array.isArray(list)) return NOT_SET;
  return list.map((entry: unknown) => {
    if (!isRecord(entry) || !isBlank(readOwnPath(entry, field))) return entry;
    const filled = updatePath(entry, field, replaceWith(value));
    return filled === NOT_SET ? entry : filled;
  });
}

/**
 * The typed value of a fill: a number for `angka` when it is one; for `tanggal`, a date picked
 * as YYYY-MM-DD becomes "24 November 2026", anything else stays the text the operator typed (it
 * is printed as written). Yes/no values and lists are not filled: they are never missing, and
 * privacy (laporan.anonim) is not something a reply may change.
 */
function typedFill(text: string, type: TemplateVariableType): unknown {
  switch (type) {
    case 'teks':
      return text;
    case 'angka':
      return /^-?[0-9]+$/.test(text) ? Number(text) : text;
    case 'tanggal':
      return formatIndonesianDateKey(text) ?? text;
    case 'ya_tidak':
    case 'daftar':
      return NOT_SET;
  }
}

/**
 * The context with the operator's fills written over it (blank fills ignored). Names are dotted
 * paths as `missing` reports them; a list item's field (`disposisi[].catatan`) fills that field
 * in every item where it is blank and leaves the others. A name outside the catalogue is set as
 * text, so a custom placeholder can be filled too; a name that is not a path, or whose path runs
 * through a value that is not an object, is ignored.
 */
export function withFills(context: TemplateContext, fills: TemplateFills): TemplateContext {
  let result: unknown = context;
  for (const [name, raw] of Object.entries(fills)) {
    const text = raw.trim();
    if (text === '') continue;
    const value = typedFill(text, findTemplateVariable(name)?.type ?? 'teks');
    if (value === NOT_SET) continue;
    const item = /^(.+)\[\]\.(.+)$/.exec(name);
    const listPath = item === null ? null : segmentsOf(item[1] ?? '');
    const fieldPath = item === null ? null : segmentsOf(item[2] ?? '');
    let next: unknown = NOT_SET;
    if (listPath !== null && fieldPath !== null) {
      next = updatePath(result, listPath, (list) => fillItems(list, fieldPath, value));
    } else if (item === null) {
      const path = segmentsOf(name);
      if (path !== null) next = updatePath(result, path, replaceWith(value));
    }
    if (next !== NOT_SET) result = next;
  }
  // The catalogue's shape is kept: fills only replace values (a date may become its text).
  return result as TemplateContext;
}

// ---------------------------------------------------------------------------------------------
// The library

/** Of two templates with one name, the one edited last (then the smaller id) wins. */
function preferred(a: Template, b: Template): Template {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return a.id <= b.id ? a : b;
}

/**
 * The snippets a user's templates provide, by name: agency snippets, then the user's personal
 * ones of the same name shadow them. Other users' personal snippets are not the user's; a name
 * that cannot be included (not lower_snake) is left out.
 */
export function snippetsOf(templates: readonly Template[], userId: string): TemplateSnippets {
  const agency = new Map<string, Template>();
  const personal = new Map<string, Template>();
  for (const template of templates) {
    if (template.kind !== SNIPPET_KIND || !SNIPPET_NAME_PATTERN.test(template.name)) continue;
    if (template.scope === 'personal' && template.ownerId !== userId) continue;
    const into = template.scope === 'personal' ? personal : agency;
    const seen = into.get(template.name);
    into.set(template.name, seen === undefined ? template : preferred(seen, template));
  }
  const table: Record<string, string> = {};
  for (const [name, template] of agency) table[name] = template.body;
  for (const [name, template] of personal) table[name] = template.body;
  return table;
}

const nameCollator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** 0: made for the report's category; 1: for any category; 2: made for other categories. */
function categoryRank(template: Template, categoryId: string | null): number {
  if (categoryId !== null && template.categoryIds.includes(categoryId)) return 0;
  return template.categoryIds.length === 0 ? 1 : 2;
}

/**
 * The templates to offer first for a report and a kind (`null`: every kind): personal and agency
 * templates of the kind (never snippets, never another user's personal ones). Order: those
 * listing the report's category first, then those for any category, then those made for other
 * categories; within each, the user's own before the agency's (an operator writes a personal
 * template to be preferred); then by name in Indonesian order (case and accents ignored, numbers
 * by value), then id. Categories match exactly: a template for a parent category lists the
 * leaves it is meant for.
 */
export function suggestTemplates(
  templates: readonly Template[],
  kind: Template['kind'] | null,
  categoryId: string | null,
  userId: string,
): Template[] {
  return templates
    .filter(
      (template) =>
        template.kind !== SNIPPET_KIND &&
        (kind === null || template.kind === kind) &&
        (template.scope === 'agency' || template.ownerId === userId),
    )
    .map((template) => ({ template, rank: categoryRank(template, categoryId) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.template.scope === b.template.scope ? 0 : a.template.scope === 'personal' ? -1 : 1) ||
        nameCollator.compare(a.template.name, b.template.name) ||
        (a.template.id < b.template.id ? -1 : a.template.id > b.template.id ? 1 : 0),
    )
    .map(({ template }) => template);
}
