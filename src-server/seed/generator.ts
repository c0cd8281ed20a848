// The synthetic complaint generator: deterministic from a seed value, it files plausible reports
// across the demo province and plays each one forward through the workflow (verification, tunda,
// disposition, processing, drafts and approval, publication, citizen replies, completion) until
// the next step would lie after `now`. What it stores is what the mutators would have written:
// stage timestamps, dispositions, responses, notes, citizen messages and audit events, with the
// deadline of the current stage from the shared SLA calendar. No I/O here: report-writer.ts
// stores the bundles in bulk.

import type { UserActor } from '../../src-shared/domain/actor';
import { SYSTEM_ACTOR, type Actor } from '../../src-shared/domain/actor';
import type { AgencySettings } from '../../src-shared/domain/agency';
import { DEFAULT_AGENCY_SETTINGS } from '../../src-shared/domain/agency';
import type { ArchiveReason } from '../../src-shared/domain/archive-reason';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import type { Disposition } from '../../src-shared/domain/disposition';
import type { Note } from '../../src-shared/domain/note';
import type { Attachment, Report, ReportChannel, ReportType } from '../../src-shared/domain/report';
import type { WorkflowAction } from '../../src-shared/domain/report-workflow';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { ReportStatus } from '../../src-shared/domain/report-status';
import {
  addWorkingDays,
  currentDueAt,
  isWorkingDay,
  pausedWorkingMsAfterResume,
  pendingInfoExpiresAt,
  type SlaCalendar,
} from '../../src-shared/domain/sla-calendar';
import {
  DAY_MS,
  localDateKey,
  localDayNumber,
  startOfLocalDay,
  utcOffsetMs,
  type TimeZone,
} from '../../src-shared/domain/time-zone';
import type { CitizenMessage } from '../../src-shared/sync/citizen-message';
import * as phrases from './complaint-phrases';
import { composeComplaint, composeLine, composeResponse, type Place } from './complaint-text';
import { categoryIdOf, demoCategoryTree } from './demo-categories';
import { demoRegions, userIdOf, type DemoRegion, type ServiceKind } from './demo-directory';
import { createPrng, weightedTable, type Prng, type WeightedTable } from './prng';
import { syntheticReporter } from './synthetic-reporters';

// ---------------------------------------------------------------------------------------------
// The world the generator files reports in

export interface WorldOffice {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly settings: AgencySettings;
  readonly services: readonly ServiceKind[];
  readonly units: readonly { readonly id: string; readonly path: string }[];
  readonly operator: UserActor;
}

export interface WorldRegion {
  readonly id: string;
  readonly path: string;
  readonly timeZone: TimeZone;
  readonly settings: AgencySettings;
  readonly weight: number;
  /** Verifies and disposes; above the region's OPDs, so it also re-routes declined reports. */
  readonly admin: UserActor;
  readonly liaisonId: string;
  readonly offices: readonly WorldOffice[];
  readonly places: readonly Place[];
}

export interface WorldCategory {
  readonly code: string;
  readonly id: string;
  readonly service: ServiceKind;
  readonly weight: number;
}

export interface GeneratorWorld {
  readonly calendar: SlaCalendar;
  readonly regions: readonly WorldRegion[];
  readonly categories: readonly WorldCategory[];
  /** The province's Admin Koordinator, who also verifies some of the regencies' reports. */
  readonly coordinator: UserActor;
}

/** The demo province as the generator sees it; paths as insertAgencies stores them. */
export function demoWorld(calendar: SlaCalendar): GeneratorWorld {
  const root = demoRegions.find((region) => region.level === 'province');
  if (root === undefined) throw new Error('the demo has no province');
  const rootPath = `/${root.id}/`;
  const pathOf = (region: DemoRegion) =>
    region.id === root.id ? rootPath : `${rootPath}${region.id}/`;
  const placesOf = (region: DemoRegion): Place[] =>
    region.districts.flatMap((district) =>
      district.villages.map((village) => ({
        regionName:
          demoRegions.find(
            (r) => r.level === 'regency_city' && district.code.startsWith(`${r.regionCode}.`),
          )?.shortName ?? region.shortName,
        district,
        village,
      })),
    );
  const regions = demoRegions.map((region): WorldRegion => {
    const path = pathOf(region);
    return {
      id: region.id,
      path,
      timeZone: region.timeZone,
      settings: DEFAULT_AGENCY_SETTINGS,
      weight: region.weight,
      admin: {
        kind: 'user',
        id: userIdOf(region.admin.username),
        role: region.admin.role,
        agencyId: region.id,
      },
      liaisonId: userIdOf(region.liaison.username),
      offices: region.opds.map((office) => ({
        id: office.id,
        name: office.name,
        path: `${path}${office.id}/`,
        settings: { ...DEFAULT_AGENCY_SETTINGS, ...office.settings },
        services: office.services,
        units: office.units.map((unit) => ({
          id: unit.id,
          path: `${path}${office.id}/${unit.id}/`,
        })),
        operator: {
          kind: 'user',
          id: userIdOf(office.operator.username),
          role: 'operator_unit',
          agencyId: office.id,
        },
      })),
      places: placesOf(region),
    };
  });
  const coordinator = regions.find((region) => region.id === root.id)?.admin;
  if (coordinator === undefined) throw new Error('the demo province has no coordinator');
  return {
    calendar,
    regions,
    coordinator,
    categories: demoCategoryTree.flatMap((group) =>
      group.leaves.map((leaf) => ({
        code: leaf.code,
        id: categoryIdOf(leaf.code),
        service: leaf.service,
        weight: leaf.weight,
      })),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// What the generator produces

/** One report and every row its history left behind. Versions are 0: the writer draws them. */
export interface GeneratedReport {
  /** The full report, reporter included (the writer stores it apart from the doc). */
  readonly report: Report;
  /** The agency path of `unitId ?? agencyId`: the scope of the report and all its rows. */
  readonly scopePath: string;
  readonly dispositions: readonly Disposition[];
  readonly responses: readonly ReportResponse[];
  readonly notes: readonly Note[];
  readonly messages: readonly CitizenMessage[];
  readonly auditEvents: readonly AuditEvent[];
}

export interface GeneratorOptions {
  readonly seedValue: number;
  /** Every timestamp generated lies at or before this instant. */
  readonly now: number;
  /** How far back reports were filed. Default: 182 days (about six months). */
  readonly spanDays?: number;
}

// ---------------------------------------------------------------------------------------------
// Distributions (working days unless said otherwise)

const NEVER = Number.POSITIVE_INFINITY;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const OFFICE_OPENS_MS = 8 * HOUR_MS;
const OFFICE_CLOSES_MS = 16 * HOUR_MS;

/** 15% take longer than the 3 working days allowed; a few are never verified. */
const verifyDelays = weightedTable<number>([
  [0, 35],
  [1, 25],
  [2, 15],
  [3, 10],
  [4, 6],
  [5, 4],
  [7, 2.5],
  [12, 1.5],
  [NEVER, 1],
]);
const startDelays = weightedTable<number>([
  [0, 40],
  [1, 30],
  [2, 12],
  [3, 8],
  [5, 5],
  [10, 2.5],
  [20, 1.5],
  [NEVER, 1],
]);
const draftDelays = weightedTable<number>([
  [0, 45],
  [1, 30],
  [2, 14],
  [4, 6],
  [8, 3],
  [NEVER, 2],
]);
const approvalDelays = weightedTable<number>([
  [0, 50],
  [1, 30],
  [2, 12],
  [4, 6],
  [NEVER, 2],
]);

const channels = weightedTable<ReportChannel>([
  ['web', 45],
  ['mobile', 25],
  ['sms', 10],
  ['social_media', 8],
  ['email', 4],
  ['walk_in', 4],
  ['phone', 2],
  ['letter', 2],
]);
const types = weightedTable<ReportType>([
  ['pengaduan', 80],
  ['aspirasi', 12],
  ['permintaan_informasi', 8],
]);
/** Hour of day (local) citizens file at: daytime mostly, some at night. */
const filingHours = weightedTable<number>(
  Array.from({ length: 24 }, (_, h) => [h, h < 5 ? 0.5 : h < 7 ? 2 : h < 22 ? 6 : 2] as const),
);
const fates = weightedTable<'tunda' | 'archive' | 'dispose'>([
  ['tunda', 7],
  ['archive', 8],
  ['dispose', 85],
]);
const noteCounts = weightedTable<number>([
  [0, 45],
  [1, 35],
  [2, 15],
  [3, 5],
]);
const attachmentCounts = weightedTable<number>([
  [1, 60],
  [2, 28],
  [3, 12],
]);
const attachmentKinds = weightedTable<'jpeg' | 'png' | 'pdf' | 'mp4'>([
  ['jpeg', 55],
  ['png', 15],
  ['pdf', 20],
  ['mp4', 10],
]);
const archiveReasons = weightedTable<ArchiveReason>([
  ['too_general', 30],
  ['duplicate', 25],
  ['not_government_performance', 20],
  ['unintelligible', 15],
  ['wrong_format', 10],
]);
const tagPool = ['prioritas', 'viral', 'berulang', 'lintas-opd', 'kunjungan-lapangan'];

// ---------------------------------------------------------------------------------------------
// The generator

export interface ReportGenerator {
  /** The `index`-th report (0-based, in order), with the tracking id reserved for it. */
  next(index: number, trackingId: string): GeneratedReport;
}

export function createReportGenerator(
  world: GeneratorWorld,
  options: GeneratorOptions,
): ReportGenerator {
  const prng = createPrng(options.seedValue);
  const recentTrackingIds: string[] = [];
  const tables = prepareTables(world);
  return {
    next(index, trackingId) {
      const generated = generateOne(
        world,
        options,
        prng,
        index,
        trackingId,
        recentTrackingIds,
        tables,
      );
      recentTrackingIds.push(trackingId);
      if (recentTrackingIds.length > 500) recentTrackingIds.shift();
      return generated;
    },
  };
}

/** `count` reports with the given tracking ids: for tests and small seeds. */
export function generateReports(
  world: GeneratorWorld,
  options: GeneratorOptions,
  trackingIds: readonly string[],
): GeneratedReport[] {
  const generator = createReportGenerator(world, options);
  return trackingIds.map((trackingId, index) => generator.next(index, trackingId));
}

interface Tables {
  readonly categories: WeightedTable<WorldCategory>;
  /** Per category code: the regions with an office serving it, by their share of complaints. */
  readonly regionsByCategory: ReadonlyMap<string, WeightedTable<WorldRegion>>;
}

function prepareTables(world: GeneratorWorld): Tables {
  const allRegions = world.regions.map((region) => [region, region.weight] as const);
  return {
    categories: weightedTable(world.categories.map((c) => [c, c.weight] as const)),
    regionsByCategory: new Map(
      world.categories.map((category) => {
        const serving = allRegions.filter(([region]) =>
          region.offices.some((office) => office.services.includes(category.service)),
        );
        return [category.code, weightedTable(serving.length > 0 ? serving : allRegions)];
      }),
    ),
  };
}

/** The mutable story of one report while it is played forward. */
class Story {
  readonly dispositions: Disposition[] = [];
  readonly responses: ReportResponse[] = [];
  readonly notes: Note[] = [];
  readonly messages: CitizenMessage[] = [];
  readonly auditEvents: AuditEvent[] = [];
  lastEventAt: number;

  constructor(
    public report: Report,
    readonly prng: Prng,
    readonly world: GeneratorWorld,
    readonly now: number,
  ) {
    this.lastEventAt = report.createdAt;
  }

  get tz(): TimeZone {
    return this.report.timeZone;
  }

  /** An instant during office hours `days` working days after `t` (0: later the same day). */
  officeTime(t: number, days: number): number {
    if (!Number.isFinite(days)) return NEVER;
    const tz = this.tz;
    const calendar = this.world.calendar;
    if (days === 0) {
      const dayStart = startOfLocalDay(localDayNumber(t, tz), tz);
      const closes = dayStart + OFFICE_CLOSES_MS;
      if (isWorkingDay(t, tz, calendar) && t < closes - 30 * MINUTE_MS) {
        const from = Math.max(t, dayStart + OFFICE_OPENS_MS) + 10 * MINUTE_MS;
        return from + Math.floor(this.prng.next() * Math.max(1, closes - from));
      }
      return this.officeTime(t, 1);
    }
    const dayStart = addWorkingDays(t, days, tz, calendar) + 1 - DAY_MS;
    return (
      dayStart +
      OFFICE_OPENS_MS +
      Math.floor(this.prng.next() * (OFFICE_CLOSES_MS - OFFICE_OPENS_MS))
    );
  }

  /** Whether an event at `t` has happened by now (and keeps the latest event time). */
  happens(t: number): boolean {
    if (!(t <= this.now)) return false;
    this.lastEventAt = Math.max(this.lastEventAt, t);
    return true;
  }

  audit(
    action: WorkflowAction,
    to: ReportStatus,
    at: number,
    actor: Actor,
    reason: string | null,
  ): void {
    this.auditEvents.push({
      id: `${this.report.id}-e${String(this.auditEvents.length + 1)}`,
      reportId: this.report.id,
      at,
      actor,
      action,
      from: this.report.status,
      to,
      reason,
    });
    this.report = { ...this.report, status: to };
  }

  message(at: number, body: string): void {
    this.messages.push({
      id: `${this.report.id}-m${String(this.messages.length + 1)}`,
      reportId: this.report.id,
      body,
      createdAt: at,
      version: 0,
    });
  }
}

function generateOne(
  world: GeneratorWorld,
  options: GeneratorOptions,
  prng: Prng,
  index: number,
  trackingId: string,
  recentTrackingIds: readonly string[],
  tables: Tables,
): GeneratedReport {
  const now = options.now;
  const spanDays = options.spanDays ?? 182;

  // Where and what: a category, then a region that has an office for it.
  const category = prng.draw(tables.categories);
  const regions = tables.regionsByCategory.get(category.code);
  if (regions === undefined) throw new Error(`no regions for category ${category.code}`);
  const region = prng.draw(regions);
  const candidates = region.offices.filter((office) => office.services.includes(category.service));
  const office = prng.pick(candidates.length > 0 ? candidates : region.offices);
  const place = prng.pick(region.places);
  const tz = region.timeZone;

  // When: most reports spread over the span, a share of them in the last two weeks.
  const ageDays = prng.chance(0.15) ? prng.next() * 14 : prng.next() * spanDays;
  const filingDay = localDayNumber(now - ageDays * DAY_MS, tz);
  const filedAt =
    startOfLocalDay(filingDay, tz) +
    prng.draw(filingHours) * HOUR_MS +
    Math.floor(prng.next() * HOUR_MS);
  const createdAt = Math.max(0, Math.min(filedAt, now - prng.int(1, 90) * MINUTE_MS));

  // Who and how.
  const channel = prng.draw(channels);
  const type = prng.draw(types);
  const isAnonymous = prng.chance(0.18);
  const isConfidential = prng.chance(isAnonymous ? 0.3 : 0.1);
  const reporter = syntheticReporter(prng, { districtCode: place.district.code, timeZone: tz });
  const signsOff = !isAnonymous && prng.chance(0.3);
  const text = composeComplaint(
    prng,
    category.code,
    type,
    channel === 'sms' ? 'short' : 'long',
    place,
    signsOff ? reporter.name : null,
  );
  const id = `gen${String(options.seedValue)}-${String(index)}`;

  const report: Report = {
    id,
    trackingId,
    title: text.title,
    body: text.body,
    categoryId: prng.chance(0.35) ? category.id : null,
    tags: [],
    location:
      text.regionCode === null
        ? { text: text.locationText }
        : { text: text.locationText, regionCode: text.regionCode },
    incidentDate: prng.chance(0.75) ? localDateKey(createdAt - prng.int(0, 30) * DAY_MS, tz) : null,
    channel,
    type,
    privacy: { rahasia: isConfidential, anonim: isAnonymous },
    reporter,
    attachments: channel === 'sms' ? [] : syntheticAttachments(prng, id, createdAt, tz),
    agencyId: region.id,
    unitId: null,
    assigneeId: null,
    timeZone: tz,
    status: 'unverified',
    archiveReason: null,
    duplicateOf: null,
    createdAt,
    routedAt: createdAt,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    dueAt: null,
    updatedAt: createdAt,
    version: 0,
  };

  const story = new Story(report, prng, world, now);
  playForward(story, { region, office, category, place, recentTrackingIds });

  const settings = settingsOf(world, story.report.agencyId);
  const finalReport: Report = {
    ...story.report,
    updatedAt: story.lastEventAt,
    dueAt: currentDueAt(story.report, world.calendar, settings),
  };
  return {
    report: finalReport,
    scopePath: scopePathOf(world, finalReport.unitId ?? finalReport.agencyId),
    dispositions: story.dispositions,
    responses: story.responses,
    notes: story.notes,
    messages: story.messages,
    auditEvents: story.auditEvents,
  };
}

interface Plan {
  readonly region: WorldRegion;
  readonly office: WorldOffice;
  readonly category: WorldCategory;
  readonly place: Place;
  readonly recentTrackingIds: readonly string[];
}

/** Plays the report's life forward; returns when the next step would happen after `now`. */
function playForward(story: Story, plan: Plan): void {
  const { prng } = story;
  const { region, place } = plan;
  // Some of the regencies' reports are picked up by the province's coordinator.
  const verifier =
    region.admin.role === 'admin_instansi' && prng.chance(0.1)
      ? story.world.coordinator
      : region.admin;

  // 1. Verification: tunda, archive, or disposition.
  let verifiedAt = story.officeTime(story.report.createdAt, prng.draw(verifyDelays));
  if (!story.happens(verifiedAt)) return;
  const fate = prng.draw(fates);

  if (fate === 'tunda') {
    story.report = { ...story.report, pausedAt: verifiedAt };
    story.audit(
      'tunda',
      'pending_info',
      verifiedAt,
      verifier,
      composeLine(prng, phrases.tundaMessages, place),
    );
    if (prng.chance(0.6)) {
      const repliedAt = verifiedAt + Math.floor((0.3 + prng.next() * 8) * DAY_MS);
      if (!story.happens(repliedAt)) return;
      story.message(repliedAt, composeLine(prng, phrases.resumeReplies, place));
      story.report = {
        ...story.report,
        pausedWorkingMs: pausedWorkingMsAfterResume(story.report, repliedAt, story.world.calendar),
        pausedAt: null,
      };
      story.audit('resume', 'unverified', repliedAt, SYSTEM_ACTOR, null);
      verifiedAt = story.officeTime(repliedAt, prng.int(0, 2));
      if (!story.happens(verifiedAt)) return;
    } else {
      const settings = settingsOf(story.world, story.report.agencyId);
      const expiresAt = pendingInfoExpiresAt(story.report, story.world.calendar, settings);
      if (expiresAt === null) return;
      const archivedAt = story.officeTime(expiresAt + 1, prng.int(0, 3));
      if (!story.happens(archivedAt)) return;
      archive(story, 'wait_period_expired', archivedAt, verifier, null);
      return;
    }
  }

  if (fate === 'archive') {
    let reason = prng.draw(archiveReasons);
    const original =
      reason === 'duplicate' && plan.recentTrackingIds.length > 0
        ? prng.pick(plan.recentTrackingIds.slice(-200))
        : null;
    if (reason === 'duplicate' && original === null) reason = 'too_general';
    archive(story, reason, verifiedAt, verifier, original);
    return;
  }

  // 2. Disposition (to the wrong office first when it will be declined).
  const isDeclined = prng.chance(0.05) && region.offices.length > 1;
  const firstOffice = isDeclined
    ? prng.pick(region.offices.filter((o) => o.id !== plan.office.id))
    : plan.office;
  setCategoryAndTags(story, plan);
  dispose(story, 'dispose', firstOffice, verifiedAt, verifier);

  if (isDeclined) {
    const declinedAt = story.officeTime(verifiedAt, prng.int(1, 3));
    if (!story.happens(declinedAt)) return;
    story.report = { ...story.report, unitId: null, routedAt: declinedAt, pausedWorkingMs: 0 };
    story.audit(
      'not_authority',
      'not_authority',
      declinedAt,
      region.admin,
      prng.pick(phrases.notAuthorityReasons),
    );
    if (!prng.chance(0.8)) return;
    const redisposedAt = story.officeTime(declinedAt, prng.int(0, 4));
    if (!story.happens(redisposedAt)) return;
    dispose(story, 'redispose', plan.office, redisposedAt, region.admin);
  }

  // 3. Processing, drafts, publication; a reply from the reporter may start another round.
  const office = plan.office;
  const startedAt = story.officeTime(story.report.disposedAt ?? verifiedAt, prng.draw(startDelays));
  if (!story.happens(startedAt)) return;
  story.audit('start_processing', 'in_progress', startedAt, office.operator, null);
  if (prng.chance(0.6)) story.report = { ...story.report, assigneeId: office.operator.id };
  addNotes(story, office, startedAt, place);

  let roundStart = startedAt;
  for (let round = 1; round <= 2; round++) {
    const publishedAt = respond(story, plan, roundStart, round);
    if (publishedAt === null) return;
    const windowEnds = addWorkingDays(publishedAt, 10, story.tz, story.world.calendar);
    if (round === 1 && prng.chance(0.15)) {
      const repliedAt = publishedAt + Math.floor((0.5 + prng.next() * 12) * DAY_MS);
      if (repliedAt < windowEnds) {
        if (!story.happens(repliedAt)) return;
        story.message(repliedAt, composeLine(prng, phrases.followUpReplies, place));
        story.audit('reporter_reply', 'in_progress', repliedAt, SYSTEM_ACTOR, null);
        roundStart = repliedAt;
        if (prng.chance(0.3)) {
          const extendedAt = story.officeTime(repliedAt, prng.int(1, 3));
          if (!story.happens(extendedAt)) return;
          const current = story.report.extendedResolutionDays ?? office.settings.resolutionDays;
          const days = prng.pick([21, 30, 45, 60].filter((d) => d > current));
          story.report = { ...story.report, extendedResolutionDays: days };
          story.audit(
            'extend_deadline',
            'in_progress',
            extendedAt,
            { kind: 'user', id: region.liaisonId, role: 'pejabat_penghubung', agencyId: region.id },
            prng.pick(phrases.extensionReasons),
          );
          roundStart = extendedAt;
        }
        continue;
      }
    }
    // 4. No reply within 10 working days: the system completes the report.
    const completedAt = windowEnds + prng.int(1, 120) * MINUTE_MS;
    if (!story.happens(completedAt)) return;
    story.report = { ...story.report, closedAt: completedAt };
    story.audit('auto_complete', 'completed', completedAt, SYSTEM_ACTOR, null);
    return;
  }
}

function archive(
  story: Story,
  reason: ArchiveReason,
  at: number,
  actor: UserActor,
  duplicateOf: string | null,
): void {
  const notes = phrases.archiveNotes[reason] ?? [];
  const note = notes.length > 0 && story.prng.chance(0.5) ? story.prng.pick(notes) : null;
  story.report = {
    ...story.report,
    archiveReason: reason,
    duplicateOf: reason === 'duplicate' ? duplicateOf : null,
    closedAt: at,
    pausedWorkingMs: pausedWorkingMsAfterResume(story.report, at, story.world.calendar),
    pausedAt: null,
  };
  // As the archive mutator records it: the reason code, and the note after a colon.
  story.audit('archive', 'archived', at, actor, note === null ? reason : `${reason}: ${note}`);
}

function setCategoryAndTags(story: Story, plan: Plan): void {
  const { prng } = story;
  const tags = prng.chance(0.15) ? prng.sample(tagPool, prng.int(1, 2)) : [];
  story.report = { ...story.report, categoryId: plan.category.id, tags };
}

function dispose(
  story: Story,
  kind: 'dispose' | 'redispose',
  office: WorldOffice,
  at: number,
  actor: UserActor,
): void {
  const { prng } = story;
  const unit = office.units.length > 0 && prng.chance(0.7) ? prng.pick(office.units) : null;
  const note = prng.chance(0.6) ? prng.pick(phrases.dispositionNotes) : null;
  story.dispositions.push({
    id: `${story.report.id}-d${String(story.dispositions.length + 1)}`,
    reportId: story.report.id,
    kind,
    fromAgencyId: story.report.agencyId,
    toAgencyId: office.id,
    toUnitId: unit?.id ?? null,
    byUserId: actor.id,
    at,
    note,
    version: 0,
  });
  story.report = {
    ...story.report,
    agencyId: office.id,
    unitId: unit?.id ?? null,
    disposedAt: at,
    firstResponseAt: null,
    respondedAt: null,
  };
  story.audit(kind === 'dispose' ? 'verify_dispose' : 'redispose', 'disposed', at, actor, note);
}

function addNotes(story: Story, office: WorldOffice, from: number, place: Place): void {
  const { prng } = story;
  const count = prng.draw(noteCounts);
  for (let i = 0; i < count; i++) {
    const at = story.officeTime(from, prng.int(0, 3));
    if (!story.happens(at)) continue;
    story.notes.push({
      id: `${story.report.id}-n${String(story.notes.length + 1)}`,
      reportId: story.report.id,
      authorId: office.operator.id,
      agencyId: office.operator.agencyId,
      body: composeLine(prng, phrases.internalNotes, place),
      createdAt: at,
      updatedAt: at,
      version: 0,
    });
  }
}

/**
 * One round of answering: a draft, perhaps returned once, submitted, approved and published.
 * The response row shows the state reached by now. Returns when it was published, or null.
 */
function respond(story: Story, plan: Plan, from: number, round: number): number | null {
  const { prng } = story;
  const { office, region } = plan;
  const draftedAt = story.officeTime(from, prng.draw(draftDelays));
  if (!story.happens(draftedAt)) return null;
  const base = {
    id: `${story.report.id}-r${String(round)}`,
    reportId: story.report.id,
    agencyId: story.report.agencyId,
    authorId: office.operator.id,
    body: composeResponse(prng, plan.category.code, story.report.type, office.name),
    createdAt: draftedAt,
    version: 0,
  };
  const push = (response: ReportResponse): null => {
    story.responses.push(response);
    return null;
  };
  let submittedAt = draftedAt + prng.int(20, 240) * MINUTE_MS;
  if (!story.happens(submittedAt)) return push({ ...base, updatedAt: draftedAt, state: 'draft' });
  if (prng.chance(0.2)) {
    const returnedAt = story.officeTime(submittedAt, prng.int(0, 1));
    if (!story.happens(returnedAt)) {
      return push({ ...base, updatedAt: submittedAt, state: 'submitted', submittedAt });
    }
    const resubmittedAt = story.officeTime(returnedAt, prng.int(0, 2));
    if (!story.happens(resubmittedAt)) {
      return push({
        ...base,
        updatedAt: returnedAt,
        state: 'returned',
        submittedAt,
        reviewedById: region.liaisonId,
        reviewedAt: returnedAt,
        returnComment: prng.pick(phrases.returnComments),
      });
    }
    submittedAt = resubmittedAt;
  }
  const approvedAt = story.officeTime(submittedAt, prng.draw(approvalDelays));
  if (!story.happens(approvedAt)) {
    return push({ ...base, updatedAt: submittedAt, state: 'submitted', submittedAt });
  }
  const review = { submittedAt, reviewedById: region.liaisonId, reviewedAt: approvedAt };
  const publishedAt = approvedAt + prng.int(1, 90) * MINUTE_MS;
  if (!story.happens(publishedAt)) {
    return push({ ...base, ...review, updatedAt: approvedAt, state: 'approved' });
  }
  story.responses.push({
    ...base,
    ...review,
    updatedAt: publishedAt,
    state: 'published',
    publishedAt,
    publishedById: region.liaisonId,
  });
  story.report = {
    ...story.report,
    firstResponseAt: story.report.firstResponseAt ?? publishedAt,
    respondedAt: publishedAt,
  };
  story.audit(
    'publish_response',
    'responded',
    publishedAt,
    { kind: 'user', id: region.liaisonId, role: 'pejabat_penghubung', agencyId: region.id },
    null,
  );
  return publishedAt;
}

// ---------------------------------------------------------------------------------------------
// Lookups and attachments

function settingsOf(world: GeneratorWorld, agencyId: string): AgencySettings {
  for (const region of world.regions) {
    if (region.id === agencyId) return region.settings;
    const office = region.offices.find((o) => o.id === agencyId);
    if (office !== undefined) return office.settings;
  }
  return DEFAULT_AGENCY_SETTINGS;
}

function scopePathOf(world: GeneratorWorld, agencyId: string): string {
  for (const region of world.regions) {
    if (region.id === agencyId) return region.path;
    for (const office of region.offices) {
      if (office.id === agencyId) return office.path;
      const unit = office.units.find((u) => u.id === agencyId);
      if (unit !== undefined) return unit.path;
    }
  }
  throw new Error(`agency ${agencyId} is not in the generator's world`);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** File names as phones and scanners make them, stamped with the local filing time. */
function syntheticAttachments(
  prng: Prng,
  reportId: string,
  at: number,
  tz: TimeZone,
): Attachment[] {
  if (!prng.chance(0.35)) return [];
  const local = new Date(at + utcOffsetMs(tz));
  const y = String(local.getUTCFullYear());
  const mo = pad2(local.getUTCMonth() + 1);
  const d = pad2(local.getUTCDate());
  const h = pad2(local.getUTCHours());
  const mi = pad2(local.getUTCMinutes());
  const s = pad2(local.getUTCSeconds());
  const count = prng.draw(attachmentCounts);
  const kb = 1024;
  return Array.from({ length: count }, (_, i): Attachment => {
    const kind = prng.draw(attachmentKinds);
    const attachmentId = `${reportId}-f${String(i + 1)}`;
    switch (kind) {
      case 'jpeg':
        return {
          id: attachmentId,
          fileName: prng.pick([
            `IMG_${y}${mo}${d}_${h}${mi}${s}.jpg`,
            `WhatsApp Image ${y}-${mo}-${d} at ${h}.${mi}.${s}.jpeg`,
            `foto_lokasi_${String(i + 1)}.jpg`,
          ]),
          mimeType: 'image/jpeg',
          sizeBytes: prng.int(80 * kb, 4096 * kb),
        };
      case 'png':
        return {
          id: attachmentId,
          fileName: `Screenshot_${y}-${mo}-${d}-${h}-${mi}-${s}.png`,
          mimeType: 'image/png',
          sizeBytes: prng.int(100 * kb, 1536 * kb),
        };
      case 'pdf':
        return {
          id: attachmentId,
          fileName: prng.pick([
            'surat_pernyataan.pdf',
            'kwitansi.pdf',
            'bukti_pembayaran.pdf',
            'surat_pengantar_rt.pdf',
            'scan_dokumen.pdf',
          ]),
          mimeType: 'application/pdf',
          sizeBytes: prng.int(50 * kb, 2048 * kb),
        };
      case 'mp4':
        return {
          id: attachmentId,
          fileName: `VID_${y}${mo}${d}_${h}${mi}${s}.mp4`,
          mimeType: 'video/mp4',
          sizeBytes: prng.int(1024 * kb, 9728 * kb),
        };
      default: {
        const unhandled: never = kind;
        throw new Error(`Unhandled attachment kind ${String(unhandled)}`);
      }
    }
  });
}
