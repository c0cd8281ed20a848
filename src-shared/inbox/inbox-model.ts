// The in-memory inbox: every report's list row in columns (typed arrays, dictionary-encoded ids),
// answering queue, filter, sort and search queries at 100,000 reports in a few milliseconds.
// It lives in the sync worker; the UI asks it through the InboxService.
//
// How it stays fast:
// - Two sorted orders of all rows (breach, arrival) are kept and repaired incrementally: after
//   an upsert only the rows whose dueAt/createdAt changed (or that came or went) are taken out,
//   sorted and merged back, lazily on the next query. The agency and category orders are a
//   counting sort of the breach order by name rank (O(n)), made when first asked for.
// - A query is one pass over the order of its sort, keeping the rows that pass the queue, filter
//   and search tests; a search with few hits instead sorts just its hits by their position in
//   that order. The result (row numbers, ascending) is cached per (queue, sort, filters, search)
//   until the generation (or the search index's) changes, so scrolling is O(limit) and desc
//   reads it backwards.
// - Counts are kept up to date on every upsert/remove.
//
// Time: the deadline queues (overdue, due_today) are evaluated at the start of the current
// minute, ctx.now() floored to 60,000 ms. Their counts are recounted (one pass) the first time
// they are asked for in a new minute and maintained incrementally within it; cached query
// results of those queues expire with the minute. Deadlines end at 23:59:59.999 local, so for
// real rows flooring changes nothing: `dueAt < now` has the same answer all minute long. The
// due-within filter (`dueWithinWorkingDays`) is evaluated at the same minute, and its results
// expire with it too.
//
// Orders: `desc` is the exact reverse of `asc`. Missing values count as the largest: a row with
// no running deadline (dueAt null) comes after every deadline, an agency with no known name after
// every named agency, a row without a category after every category. Ties fall through to the
// breach order (dueAt, then createdAt, then id).

import type { Agency } from '../domain/agency';
import { subtreeIds } from '../domain/agency';
import { assertNever } from '../domain/assert-never';
import { dueWithinCutoff } from '../domain/follow-up';
import { reportChannels, reportTypes } from '../domain/report';
import { isClosedStatus, reportStatuses, type ReportStatus } from '../domain/report-status';
import type { SlaCalendar } from '../domain/sla-calendar';
import { endOfLocalDay, localDayNumber, timeZones } from '../domain/time-zone';
import type { ReportListRow } from './list-row';
import type { InboxFilters, InboxQuery, QueueCounts, QueueId, SortKey } from './queries';
import { queueIds } from './queries';
import type { SearchIndex } from './search-index';
import { documentTerms, matchesQuery, parseQuery, queryKey } from './tokenize';

export interface InboxModelContext {
  /** The operator: whose `assigned_to_me` queue this is. */
  readonly userId: string;
  readonly now: () => number;
  /** Working days and holidays (the due-within filter counts in them; queues need none). */
  readonly calendar: SlaCalendar;
  /** Names for the agency sort; the parent tree for the agency filter. */
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly categoryName: (id: string) => string;
  /** Without an index, search scans each row's tracking number, title and location. */
  readonly search?: SearchIndex | undefined;
}

export interface InboxModelPage {
  readonly total: number;
  readonly rows: ReportListRow[];
}

export interface InboxModel {
  readonly size: number;
  /** Increases on every change of rows or context. */
  readonly generation: number;
  /** Adds rows or replaces the rows with the same ids. */
  upsert(rows: readonly ReportListRow[]): void;
  remove(ids: readonly string[]): void;
  clear(): void;
  /** Agencies, category names, the user or the search index arrive or change (during sync). */
  setContext(patch: Partial<InboxModelContext>): void;
  row(id: string): ReportListRow | undefined;
  query(query: InboxQuery, offset: number, limit: number): InboxModelPage;
  matchingIds(query: InboxQuery): string[];
  counts(): QueueCounts;
  snapshot(): InboxModelSnapshot;
}

/** Bump when the layout changes: older persisted snapshots are then rebuilt from the rows. */
export const INBOX_MODEL_SNAPSHOT_FORMAT = 1;

/**
 * The model as columns. Structured-clone friendly: typed arrays and one string. Row columns are
 * stored one after another (column c of row i at c * size + i).
 */
export interface InboxModelSnapshot {
  readonly format: typeof INBOX_MODEL_SNAPSHOT_FORMAT;
  readonly generation: number;
  readonly size: number;
  /** Sizes of the agency, user and category dictionaries. */
  readonly dictionarySizes: Uint32Array;
  /** id, trackingId, title, locationText of every row (column by column), then the dictionaries. */
  readonly strings: string;
  readonly stringEnds: Uint32Array;
  /** createdAt, dueAt (Infinity = null), pausedAt (NaN = null), updatedAt, version. */
  readonly numbers: Float64Array;
  /** agencyId, unitId, assigneeId, categoryId as dictionary codes (-1 = null). */
  readonly codes: Int32Array;
  /** status, channel, type, time zone, flags. */
  readonly small: Uint8Array;
  /** Row numbers in breach order and in arrival order. */
  readonly breachOrder: Int32Array;
  readonly arrivalOrder: Int32Array;
}

export function isInboxModelSnapshot(value: unknown): value is InboxModelSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof InboxModelSnapshot, unknown>>;
  return (
    v.format === INBOX_MODEL_SNAPSHOT_FORMAT &&
    typeof v.generation === 'number' &&
    typeof v.size === 'number' &&
    v.dictionarySizes instanceof Uint32Array &&
    typeof v.strings === 'string' &&
    v.stringEnds instanceof Uint32Array &&
    v.numbers instanceof Float64Array &&
    v.codes instanceof Int32Array &&
    v.small instanceof Uint8Array &&
    v.breachOrder instanceof Int32Array &&
    v.arrivalOrder instanceof Int32Array
  );
}

/** Deadline queues are evaluated at this granularity (see the top of this file). */
export const DEADLINE_CLOCK_MS = 60_000;

/** The instant the deadline queues are evaluated at, for a clock reading. */
export function deadlineClock(now: number): number {
  return Math.floor(now / DEADLINE_CLOCK_MS) * DEADLINE_CLOCK_MS;
}

const nameCollator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** How agency and category names compare in the sorts (Indonesian collation, case-blind). */
export function compareSortNames(a: string, b: string): number {
  return nameCollator.compare(a, b);
}

// ---------------------------------------------------------------------------------------------
// Encodings

const FREE = 255;
const RAHASIA = 1;
const ANONIM = 2;
const PENDING = 4;
const AWAITING = 8;
/** Not a stored flag: the privacy filter's bit for rows neither rahasia nor anonim. */
const PUBLIC = 16;

const statusCodes = new Map(reportStatuses.map((s, i) => [s, i]));
const channelCodes = new Map(reportChannels.map((c, i) => [c, i]));
const typeCodes = new Map(reportTypes.map((t, i) => [t, i]));
const timeZoneCodes = new Map(timeZones.map((z, i) => [z, i]));

/** Statuses whose agency deadline runs (not completed/archived/pending_info/responded). */
const RUNNING = Uint8Array.from(reportStatuses, (s) =>
  s === 'completed' || s === 'archived' || s === 'pending_info' || s === 'responded' ? 0 : 1,
);
const CLOSED = Uint8Array.from(reportStatuses, (s) => (isClosedStatus(s) ? 1 : 0));

function code<T>(codes: ReadonlyMap<T, number>, value: T, what: string): number {
  const found = codes.get(value);
  if (found === undefined) throw new RangeError(`Unknown ${what}: ${String(value)}`);
  return found;
}

class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  encode(value: string | null): number {
    if (value === null) return -1;
    let found = this.codes.get(value);
    if (found === undefined) {
      found = this.values.length;
      this.values.push(value);
      this.codes.set(value, found);
    }
    return found;
  }

  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  decode(valueCode: number): string | null {
    return valueCode < 0 ? null : (this.values[valueCode] ?? null);
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

// ---------------------------------------------------------------------------------------------
// Sorted orders, repaired incrementally

class SortedOrder {
  order: Int32Array | null = null;
  private dirtyMarks: Uint8Array = new Uint8Array(0);
  private dirty: number[] = [];

  constructor(private readonly compare: (a: number, b: number) => number) {}

  markDirty(slot: number): void {
    if (this.order === null) return;
    if (slot >= this.dirtyMarks.length) {
      this.dirtyMarks = grow(this.dirtyMarks, Math.max(slot + 1, this.dirtyMarks.length * 2));
    }
    if (this.dirtyMarks[slot] === 1) return;
    this.dirtyMarks[slot] = 1;
    this.dirty.push(slot);
  }

  reset(order: Int32Array | null = null): void {
    this.order = order;
    this.dirty = [];
    this.dirtyMarks = new Uint8Array(0);
  }

  /** The order of the live slots, repaired or rebuilt as needed. */
  current(liveSlots: () => Int32Array, isLive: (slot: number) => boolean): Int32Array {
    const order = this.order;
    if (order === null || this.dirty.length * 8 > order.length + 64) {
      const rebuilt = liveSlots().sort(this.compare);
      this.reset(rebuilt);
      return rebuilt;
    }
    if (this.dirty.length === 0) return order;
    const marks = this.dirtyMarks;
    const added = Int32Array.from(this.dirty.filter(isLive)).sort(this.compare);
    const kept = new Int32Array(order.length);
    let keptLength = 0;
    for (const slot of order) if (marks[slot] !== 1) kept[keptLength++] = slot;
    // Each added slot is placed by binary search and the runs between are block copies: the
    // comparator runs O(k log n) times, not n.
    const merged = new Int32Array(keptLength + added.length);
    let from = 0;
    let k = 0;
    for (const slot of added) {
      let lo = from;
      let hi = keptLength;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compare(kept[mid] ?? 0, slot) < 0) lo = mid + 1;
        else hi = mid;
      }
      merged.set(kept.subarray(from, lo), k);
      k += lo - from;
      from = lo;
      merged[k++] = slot;
    }
    merged.set(kept.subarray(from, keptLength), k);
    for (const slot of this.dirty) marks[slot] = 0;
    this.dirty = [];
    this.order = merged;
    return merged;
  }
}

// ---------------------------------------------------------------------------------------------
// The model

interface CachedResult {
  readonly generation: number;
  readonly searchGeneration: number;
  readonly minute: number;
  /** Slots in ascending order of the query's sort. */
  readonly slots: Int32Array;
}

const RESULT_CACHE_SIZE = 64;
/**
 * A search with at most 1/FEW_HITS of the rows (or FEW_HITS_MIN) as hits sorts its hits instead
 * of scanning every row.
 */
const FEW_HITS = 8;
const FEW_HITS_MIN = 64;

type SearchFilter =
  | { readonly slots: Int32Array; readonly test?: undefined }
  | { readonly slots?: undefined; readonly test: (slot: number) => boolean };

function filtersKey(filters: InboxFilters): string {
  const list = (values: readonly string[] | undefined): string[] =>
    values === undefined ? [] : [...new Set(values)].sort();
  return JSON.stringify([
    list(filters.agencyIds),
    list(filters.categoryIds),
    list(filters.channels),
    list(filters.types),
    list(filters.privacy),
    filters.createdFrom ?? null,
    filters.createdTo ?? null,
    filters.pendingOnly === true,
    filters.dueWithinWorkingDays ?? null,
  ]);
}

function maskOf<T>(values: readonly T[] | undefined, codes: ReadonlyMap<T, number>): number {
  let mask = 0;
  for (const value of values ?? []) {
    const c = codes.get(value);
    if (c !== undefined) mask |= 1 << c;
  }
  return mask;
}

class ColumnarInboxModel implements InboxModel {
  private ctx: InboxModelContext;
  generation = 0;

  private capacity = 0;
  /** Slots 0..slotCount-1 have been used; free ones have status FREE. */
  private slotCount = 0;
  private live = 0;
  private readonly slotOf = new Map<string, number>();
  private free: number[] = [];

  private ids: string[] = [];
  private trackingIds: string[] = [];
  private titles: string[] = [];
  private locations: string[] = [];
  private status: Uint8Array = new Uint8Array(0);
  private channel: Uint8Array = new Uint8Array(0);
  private type: Uint8Array = new Uint8Array(0);
  private timeZone: Uint8Array = new Uint8Array(0);
  private flags: Uint8Array = new Uint8Array(0);
  private agency: Int32Array = new Int32Array(0);
  private unit: Int32Array = new Int32Array(0);
  private assignee: Int32Array = new Int32Array(0);
  private category: Int32Array = new Int32Array(0);
  private createdAt: Float64Array = new Float64Array(0);
  private dueAt: Float64Array = new Float64Array(0);
  private pausedAt: Float64Array = new Float64Array(0);
  private updatedAt: Float64Array = new Float64Array(0);
  private version: Float64Array = new Float64Array(0);

  private agencies = new Dictionary();
  private users = new Dictionary();
  private categories = new Dictionary();

  private statusCounts = new Int32Array(reportStatuses.length);
  private awaitingCount = 0;
  private assignedCount = 0;
  /** The minute the deadline counts are kept for, or null when they need a recount. */
  private countsMinute: number | null = null;
  private countsDayEnds: Float64Array = new Float64Array(timeZones.length);
  private overdueCount = 0;
  private dueTodayCount = 0;

  private readonly breachOrder = new SortedOrder((a, b) => this.compareBreach(a, b));
  private readonly arrivalOrder = new SortedOrder((a, b) => this.compareArrival(a, b));
  private derivedOrders = new Map<
    'agency' | 'category',
    { generation: number; order: Int32Array }
  >();
  private results = new Map<string, CachedResult>();
  private rowDoc: { generation: number; searchGeneration: number; docs: Int32Array } | null = null;
  private positionCache = new WeakMap<Int32Array, Int32Array>();
  private rankCache = new Map<
    'agency' | 'category',
    { readonly contextVersion: number; readonly ranks: Int32Array }
  >();
  /** Increases on every setContext: names and the tree may have changed. */
  private contextVersion = 0;

  constructor(ctx: InboxModelContext) {
    this.ctx = ctx;
    this.ensureCapacity(1024);
  }

  get size(): number {
    return this.live;
  }

  // -- storage ---------------------------------------------------------------------------------

  private ensureCapacity(needed: number): void {
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2);
    this.status = grow(this.status, capacity);
    this.channel = grow(this.channel, capacity);
    this.type = grow(this.type, capacity);
    this.timeZone = grow(this.timeZone, capacity);
    this.flags = grow(this.flags, capacity);
    this.agency = grow(this.agency, capacity);
    this.unit = grow(this.unit, capacity);
    this.assignee = grow(this.assignee, capacity);
    this.category = grow(this.category, capacity);
    this.createdAt = grow(this.createdAt, capacity);
    this.dueAt = grow(this.dueAt, capacity);
    this.pausedAt = grow(this.pausedAt, capacity);
    this.updatedAt = grow(this.updatedAt, capacity);
    this.version = grow(this.version, capacity);
    this.status.fill(FREE, this.capacity);
    this.capacity = capacity;
  }

  private write(slot: number, row: ReportListRow): void {
    this.ids[slot] = row.id;
    this.trackingIds[slot] = row.trackingId;
    this.titles[slot] = row.title;
    this.locations[slot] = row.locationText;
    this.status[slot] = code(statusCodes, row.status, 'report status');
    this.channel[slot] = code(channelCodes, row.channel, 'report channel');
    this.type[slot] = code(typeCodes, row.type, 'report type');
    this.timeZone[slot] = code(timeZoneCodes, row.timeZone, 'time zone');
    this.flags[slot] =
      (row.rahasia ? RAHASIA : 0) |
      (row.anonim ? ANONIM : 0) |
      (row.pending ? PENDING : 0) |
      (row.awaitingApproval ? AWAITING : 0);
    this.agency[slot] = this.agencies.encode(row.agencyId);
    this.unit[slot] = this.agencies.encode(row.unitId);
    this.assignee[slot] = this.users.encode(row.assigneeId);
    this.category[slot] = this.categories.encode(row.categoryId);
    this.createdAt[slot] = row.createdAt;
    this.dueAt[slot] = row.dueAt ?? Infinity;
    this.pausedAt[slot] = row.pausedAt ?? NaN;
    this.updatedAt[slot] = row.updatedAt;
    this.version[slot] = row.version;
  }

  private rowAt(slot: number): ReportListRow {
    const dueAt = this.dueAt[slot] ?? Infinity;
    const pausedAt = this.pausedAt[slot] ?? NaN;
    const flags = this.flags[slot] ?? 0;
    return {
      id: this.ids[slot] ?? '',
      trackingId: this.trackingIds[slot] ?? '',
      title: this.titles[slot] ?? '',
      status: reportStatuses[this.status[slot] ?? 0] ?? 'unverified',
      agencyId: this.agencies.decode(this.agency[slot] ?? -1) ?? '',
      unitId: this.agencies.decode(this.unit[slot] ?? -1),
      assigneeId: this.users.decode(this.assignee[slot] ?? -1),
      categoryId: this.categories.decode(this.category[slot] ?? -1),
      channel: reportChannels[this.channel[slot] ?? 0] ?? 'web',
      type: reportTypes[this.type[slot] ?? 0] ?? 'pengaduan',
      rahasia: (flags & RAHASIA) !== 0,
      anonim: (flags & ANONIM) !== 0,
      locationText: this.locations[slot] ?? '',
      timeZone: timeZones[this.timeZone[slot] ?? 0] ?? 'WIB',
      createdAt: this.createdAt[slot] ?? 0,
      dueAt: dueAt === Infinity ? null : dueAt,
      pausedAt: Number.isNaN(pausedAt) ? null : pausedAt,
      updatedAt: this.updatedAt[slot] ?? 0,
      version: this.version[slot] ?? 0,
      pending: (flags & PENDING) !== 0,
      awaitingApproval: (flags & AWAITING) !== 0,
    };
  }

  private liveSlots(): Int32Array {
    const slots = new Int32Array(this.live);
    let n = 0;
    for (let s = 0; s < this.slotCount; s++) if (this.status[s] !== FREE) slots[n++] = s;
    return slots;
  }

  private readonly isLive = (slot: number): boolean => this.status[slot] !== FREE;

  // -- counts ----------------------------------------------------------------------------------

  private userCode(): number {
    return this.users.find(this.ctx.userId);
  }

  /** 1 = overdue, 2 = due today, 0 = neither, at `minute` with `dayEnds` its local day ends. */
  private deadlineState(slot: number, minute: number, dayEnds: Float64Array): number {
    if (RUNNING[this.status[slot] ?? 0] !== 1) return 0;
    const due = this.dueAt[slot] ?? Infinity;
    if (due < minute) return 1;
    return due <= (dayEnds[this.timeZone[slot] ?? 0] ?? 0) ? 2 : 0;
  }

  private account(slot: number, sign: number, userCode: number): void {
    const status = this.status[slot] ?? 0;
    this.statusCounts[status] = (this.statusCounts[status] ?? 0) + sign;
    if (((this.flags[slot] ?? 0) & AWAITING) !== 0) this.awaitingCount += sign;
    if (userCode >= 0 && this.assignee[slot] === userCode && CLOSED[status] !== 1) {
      this.assignedCount += sign;
    }
    if (this.countsMinute !== null) {
      const state = this.deadlineState(slot, this.countsMinute, this.countsDayEnds);
      if (state === 1) this.overdueCount += sign;
      else if (state === 2) this.dueTodayCount += sign;
    }
  }

  /** Status, awaiting-approval and assigned-to-me counts from scratch. */
  private recountStatic(): void {
    const userCode = this.userCode();
    const { status, flags, assignee } = this;
    const byStatus = new Int32Array(reportStatuses.length);
    let awaiting = 0;
    let assigned = 0;
    for (let s = 0; s < this.slotCount; s++) {
      const st = status[s] ?? FREE;
      if (st === FREE) continue;
      byStatus[st] = (byStatus[st] ?? 0) + 1;
      if (((flags[s] ?? 0) & AWAITING) !== 0) awaiting++;
      if (userCode >= 0 && assignee[s] === userCode && CLOSED[st] !== 1) assigned++;
    }
    this.statusCounts = byStatus;
    this.awaitingCount = awaiting;
    this.assignedCount = assigned;
  }

  private recountDeadlines(minute: number): void {
    const dayEnds = dayEndsAt(minute);
    const { status, dueAt, timeZone } = this;
    let overdue = 0;
    let dueToday = 0;
    for (let s = 0; s < this.slotCount; s++) {
      const st = status[s] ?? FREE;
      // FREE is beyond RUNNING's length: free slots never count.
      if (RUNNING[st] !== 1) continue;
      const due = dueAt[s] ?? Infinity;
      if (due < minute) overdue++;
      else if (due <= (dayEnds[timeZone[s] ?? 0] ?? 0)) dueToday++;
    }
    this.countsMinute = minute;
    this.countsDayEnds = dayEnds;
    this.overdueCount = overdue;
    this.dueTodayCount = dueToday;
  }

  counts(): QueueCounts {
    const minute = deadlineClock(this.ctx.now());
    if (this.countsMinute !== minute) this.recountDeadlines(minute);
    const byStatus = (i: number): number => this.statusCounts[i] ?? 0;
    const counts = {} as Record<QueueId, number>;
    reportStatuses.forEach((status, i) => {
      counts[status] = byStatus(i);
    });
    counts.awaiting_approval = this.awaitingCount;
    counts.assigned_to_me = this.assignedCount;
    counts.overdue = this.overdueCount;
    counts.due_today = this.dueTodayCount;
    return counts;
  }

  // -- changes ---------------------------------------------------------------------------------

  private changed(): void {
    this.generation += 1;
  }

  upsert(rows: readonly ReportListRow[]): void {
    if (rows.length === 0) return;
    for (const row of rows) {
      let slot = this.slotOf.get(row.id);
      if (slot === undefined) {
        slot = this.free.pop() ?? this.slotCount++;
        this.ensureCapacity(slot + 1);
        this.slotOf.set(row.id, slot);
        this.live += 1;
        this.write(slot, row);
        this.breachOrder.markDirty(slot);
        this.arrivalOrder.markDirty(slot);
      } else {
        this.account(slot, -1, this.userCode());
        const due = this.dueAt[slot];
        const created = this.createdAt[slot];
        this.write(slot, row);
        if (created !== this.createdAt[slot]) {
          this.breachOrder.markDirty(slot);
          this.arrivalOrder.markDirty(slot);
        } else if (due !== this.dueAt[slot]) {
          this.breachOrder.markDirty(slot);
        }
      }
      // After writing: the row may have brought the user's id into the dictionary.
      this.account(slot, 1, this.userCode());
    }
    this.changed();
  }

  remove(ids: readonly string[]): void {
    let removed = false;
    const userCode = this.userCode();
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.account(slot, -1, userCode);
      this.slotOf.delete(id);
      this.status[slot] = FREE;
      this.ids[slot] = '';
      this.trackingIds[slot] = '';
      this.titles[slot] = '';
      this.locations[slot] = '';
      this.free.push(slot);
      this.live -= 1;
      this.breachOrder.markDirty(slot);
      this.arrivalOrder.markDirty(slot);
      removed = true;
    }
    if (removed) this.changed();
  }

  clear(): void {
    this.slotOf.clear();
    this.free = [];
    this.slotCount = 0;
    this.live = 0;
    this.ids = [];
    this.trackingIds = [];
    this.titles = [];
    this.locations = [];
    this.status.fill(FREE);
    this.statusCounts.fill(0);
    this.awaitingCount = 0;
    this.assignedCount = 0;
    this.countsMinute = null;
    this.overdueCount = 0;
    this.dueTodayCount = 0;
    this.breachOrder.reset();
    this.arrivalOrder.reset();
    this.results.clear();
    this.derivedOrders.clear();
    this.rowDoc = null;
    this.changed();
  }

  setContext(patch: Partial<InboxModelContext>): void {
    this.ctx = { ...this.ctx, ...patch };
    this.contextVersion += 1;
    if (patch.userId !== undefined) this.recountStatic();
    if ('search' in patch) this.rowDoc = null;
    // Names, the tree, the user or the index may change any answer.
    this.changed();
  }

  row(id: string): ReportListRow | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.rowAt(slot);
  }

  // -- orders ----------------------------------------------------------------------------------

  private compareIds(a: number, b: number): number {
    const x = this.ids[a] ?? '';
    const y = this.ids[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private compareArrival(a: number, b: number): number {
    const x = this.createdAt[a] ?? 0;
    const y = this.createdAt[b] ?? 0;
    return x !== y ? x - y : this.compareIds(a, b);
  }

  private compareBreach(a: number, b: number): number {
    const x = this.dueAt[a] ?? Infinity;
    const y = this.dueAt[b] ?? Infinity;
    if (x !== y) return x < y ? -1 : 1;
    return this.compareArrival(a, b);
  }

  private orderFor(sort: SortKey): Int32Array {
    const liveSlots = (): Int32Array => this.liveSlots();
    switch (sort) {
      case 'breach':
        return this.breachOrder.current(liveSlots, this.isLive);
      case 'arrival':
        return this.arrivalOrder.current(liveSlots, this.isLive);
      case 'agency':
      case 'category': {
        const cached = this.derivedOrders.get(sort);
        if (cached?.generation === this.generation) return cached.order;
        const order = this.rankedOrder(sort);
        this.derivedOrders.set(sort, { generation: this.generation, order });
        return order;
      }
      default:
        return assertNever(sort, 'sort key');
    }
  }

  /** Ranks of dictionary codes by name; equal names share a rank; `null` names rank last. */
  private static ranks(names: readonly (string | null)[]): Int32Array {
    const known = names.flatMap((name, i) => (name === null ? [] : [{ name, i }]));
    known.sort((a, b) => compareSortNames(a.name, b.name));
    const ranks = new Int32Array(names.length + 1);
    let rank = -1;
    let previous: string | null = null;
    for (const { name, i } of known) {
      if (previous === null || compareSortNames(previous, name) !== 0) rank++;
      previous = name;
      ranks[i] = rank;
    }
    const missing = rank + 1;
    names.forEach((name, i) => {
      if (name === null) ranks[i] = missing;
    });
    // The last entry is for code -1 (no value): also last.
    ranks[names.length] = missing;
    return ranks;
  }

  /** The breach order, stably bucketed by agency or category name rank (a counting sort). */
  private rankedOrder(sort: 'agency' | 'category'): Int32Array {
    const base = this.breachOrder.current(() => this.liveSlots(), this.isLive);
    const isAgency = sort === 'agency';
    const dictionary = isAgency ? this.agencies : this.categories;
    const names = dictionary.values;
    // Collation is slow (about 1 µs a comparison): ranks are kept until names may have changed.
    let cachedRanks = this.rankCache.get(sort);
    if (
      cachedRanks?.contextVersion !== this.contextVersion ||
      cachedRanks.ranks.length !== names.length + 1
    ) {
      const ranks = ColumnarInboxModel.ranks(
        names.map((id) =>
          isAgency ? (this.ctx.agencies.get(id)?.name ?? null) : this.ctx.categoryName(id),
        ),
      );
      cachedRanks = { contextVersion: this.contextVersion, ranks };
      this.rankCache.set(sort, cachedRanks);
    }
    const ranks = cachedRanks.ranks;
    const column = isAgency ? this.agency : this.category;
    const noValue = names.length;
    const rankOf = (slot: number): number => {
      const c = column[slot] ?? -1;
      return ranks[c < 0 ? noValue : c] ?? 0;
    };
    const starts = new Int32Array(names.length + 2);
    for (const slot of base) {
      const r = rankOf(slot);
      starts[r + 1] = (starts[r + 1] ?? 0) + 1;
    }
    for (let r = 1; r < starts.length; r++) starts[r] = (starts[r] ?? 0) + (starts[r - 1] ?? 0);
    const order = new Int32Array(base.length);
    for (const slot of base) {
      const r = rankOf(slot);
      const at = starts[r] ?? 0;
      order[at] = slot;
      starts[r] = at + 1;
    }
    return order;
  }

  // -- queries ---------------------------------------------------------------------------------

  /**
   * The rows a search keeps: null when there is no search, the matching slots when there are few
   * (cheaper to sort them than to scan everything), else a test per slot.
   */
  private searchFilter(text: string): SearchFilter | null {
    const parsed = parseQuery(text);
    if (parsed.words.length === 0) return null;
    const index = this.ctx.search;
    if (index === undefined) {
      const slots: number[] = [];
      for (let s = 0; s < this.slotCount; s++) {
        if (this.status[s] === FREE) continue;
        const own = `${this.trackingIds[s] ?? ''} ${this.titles[s] ?? ''} ${this.locations[s] ?? ''}`;
        if (matchesQuery(documentTerms(own), parsed)) slots.push(s);
      }
      return { slots: Int32Array.from(slots) };
    }
    const hits = index.search(text);
    const bits = hits.bits;
    if (hits.count <= Math.max(FEW_HITS_MIN, this.live / FEW_HITS)) {
      // Few hits: walk them to the rows.
      const slots: number[] = [];
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w] ?? 0;
        while (word !== 0) {
          const low = word & -word;
          const id = index.docId(w * 32 + 31 - Math.clz32(low));
          const slot = id === undefined ? undefined : this.slotOf.get(id);
          if (slot !== undefined) slots.push(slot);
          word ^= low;
        }
      }
      return { slots: Int32Array.from(slots) };
    }
    // Many hits: map every row to its document number once per generation, then test bits.
    const rowDoc = this.rowDoc;
    let docs: Int32Array;
    if (
      rowDoc !== null &&
      rowDoc.generation === this.generation &&
      rowDoc.searchGeneration === index.generation
    ) {
      docs = rowDoc.docs;
    } else {
      docs = new Int32Array(this.slotCount).fill(-1);
      for (let s = 0; s < this.slotCount; s++) {
        if (this.status[s] !== FREE) docs[s] = index.docNumber(this.ids[s] ?? '');
      }
      this.rowDoc = { generation: this.generation, searchGeneration: index.generation, docs };
    }
    return {
      test: (slot) => {
        const d = docs[slot] ?? -1;
        return d >= 0 && ((bits[d >>> 5] ?? 0) & (1 << (d & 31))) !== 0;
      },
    };
  }

  private agencyAllowed(agencyIds: readonly string[]): Uint8Array {
    const allowed = new Uint8Array(this.agencies.values.length);
    for (const root of agencyIds) {
      // The root itself even when the tree has not arrived yet.
      for (const id of [root, ...subtreeIds(this.ctx.agencies, root)]) {
        const c = this.agencies.find(id);
        if (c >= 0) allowed[c] = 1;
      }
    }
    return allowed;
  }

  private categoryAllowed(categoryIds: readonly string[]): Uint8Array {
    const allowed = new Uint8Array(this.categories.values.length);
    for (const id of categoryIds) {
      const c = this.categories.find(id);
      if (c >= 0) allowed[c] = 1;
    }
    return allowed;
  }

  /** The queue's membership test at `minute`. */
  private queueTest(queue: QueueId, minute: number): (slot: number) => boolean {
    const status = this.status;
    const flags = this.flags;
    const dueAt = this.dueAt;
    switch (queue) {
      case 'awaiting_approval':
        return (s) => ((flags[s] ?? 0) & AWAITING) !== 0;
      case 'assigned_to_me': {
        const userCode = this.userCode();
        const assignee = this.assignee;
        return (s) => userCode >= 0 && assignee[s] === userCode && CLOSED[status[s] ?? 0] !== 1;
      }
      case 'overdue':
        return (s) => RUNNING[status[s] ?? 0] === 1 && (dueAt[s] ?? Infinity) < minute;
      case 'due_today': {
        const dayEnds = dayEndsAt(minute);
        const timeZone = this.timeZone;
        return (s) => {
          const due = dueAt[s] ?? Infinity;
          return (
            RUNNING[status[s] ?? 0] === 1 &&
            due >= minute &&
            due <= (dayEnds[timeZone[s] ?? 0] ?? 0)
          );
        };
      }
      case 'unverified':
      case 'pending_info':
      case 'disposed':
      case 'in_progress':
      case 'responded':
      case 'not_authority':
      case 'completed':
      case 'archived': {
        const wanted = code(statusCodes, queue, 'queue');
        return (s) => status[s] === wanted;
      }
      default:
        return assertNever(queue, 'inbox queue');
    }
  }

  /** The filters' test at `minute` (for the deadline window), or null when no filter is set. */
  private filterTest(filters: InboxFilters, minute: number): ((slot: number) => boolean) | null {
    const agencyAllowed =
      filters.agencyIds !== undefined && filters.agencyIds.length > 0
        ? this.agencyAllowed(filters.agencyIds)
        : null;
    const categoryAllowed =
      filters.categoryIds !== undefined && filters.categoryIds.length > 0
        ? this.categoryAllowed(filters.categoryIds)
        : null;
    const hasChannels = (filters.channels?.length ?? 0) > 0;
    const hasTypes = (filters.types?.length ?? 0) > 0;
    const channelMask = maskOf(filters.channels, channelCodes);
    const typeMask = maskOf(filters.types, typeCodes);
    const privacy = filters.privacy ?? [];
    const privacyMask =
      (privacy.includes('rahasia') ? RAHASIA : 0) |
      (privacy.includes('anonim') ? ANONIM : 0) |
      (privacy.includes('public') ? PUBLIC : 0);
    const from = filters.createdFrom ?? -Infinity;
    const to = filters.createdTo ?? Infinity;
    const pendingOnly = filters.pendingOnly === true;
    // Deadlines before the cutoff of the row's time zone are within the window (follow-up.ts).
    const dueWithin = filters.dueWithinWorkingDays;
    const dueCutoffs =
      dueWithin === undefined
        ? null
        : Float64Array.from(timeZones, (tz) =>
            dueWithinCutoff(minute, dueWithin, tz, this.ctx.calendar),
          );
    if (
      agencyAllowed === null &&
      categoryAllowed === null &&
      !hasChannels &&
      !hasTypes &&
      privacyMask === 0 &&
      from === -Infinity &&
      to === Infinity &&
      !pendingOnly &&
      dueCutoffs === null
    ) {
      return null;
    }
    const { flags, agency, unit, category, channel, type, createdAt, dueAt, pausedAt, timeZone } =
      this;
    return (s) => {
      if (agencyAllowed !== null) {
        const a = agency[s] ?? -1;
        const u = unit[s] ?? -1;
        if (!(a >= 0 && agencyAllowed[a] === 1) && !(u >= 0 && agencyAllowed[u] === 1)) {
          return false;
        }
      }
      if (categoryAllowed !== null) {
        const c = category[s] ?? -1;
        if (c < 0 || categoryAllowed[c] !== 1) return false;
      }
      if (hasChannels && ((1 << (channel[s] ?? 0)) & channelMask) === 0) return false;
      if (hasTypes && ((1 << (type[s] ?? 0)) & typeMask) === 0) return false;
      if (privacyMask !== 0) {
        // A row that is neither rahasia nor anonim is public.
        const f = (flags[s] ?? 0) & (RAHASIA | ANONIM);
        if (((f === 0 ? PUBLIC : f) & privacyMask) === 0) return false;
      }
      const created = createdAt[s] ?? 0;
      if (created < from || created >= to) return false;
      if (dueCutoffs !== null) {
        // No deadline is stored as Infinity, never before a cutoff; a paused clock has pausedAt.
        const due = dueAt[s] ?? Infinity;
        if (!(due < (dueCutoffs[timeZone[s] ?? 0] ?? 0)) || !Number.isNaN(pausedAt[s] ?? NaN)) {
          return false;
        }
      }
      return !pendingOnly || ((flags[s] ?? 0) & PENDING) !== 0;
    };
  }

  /** Position of each slot in `order` (cached per order array). */
  private positions(order: Int32Array): Int32Array {
    let positions = this.positionCache.get(order);
    if (positions === undefined) {
      positions = new Int32Array(this.slotCount);
      for (let i = 0; i < order.length; i++) positions[order[i] ?? 0] = i;
      this.positionCache.set(order, positions);
    }
    return positions;
  }

  /** The matching slots in ascending order of the query's sort (cached). */
  private resolve(query: InboxQuery): Int32Array {
    const { queue, filters } = query;
    // The deadline window filter moves with the clock like the deadline queues.
    const isDeadline =
      queue === 'overdue' || queue === 'due_today' || filters.dueWithinWorkingDays !== undefined;
    const minute = isDeadline ? deadlineClock(this.ctx.now()) : 0;
    const searchKey = queryKey(parseQuery(query.search));
    const searchGeneration = searchKey === '' ? 0 : (this.ctx.search?.generation ?? -1);
    const key = `${queue}|${query.sort}|${filtersKey(filters)}|${searchKey}`;
    const cached = this.results.get(key);
    if (
      cached !== undefined &&
      cached.generation === this.generation &&
      cached.searchGeneration === searchGeneration &&
      cached.minute === minute
    ) {
      // Refresh its place in the LRU order.
      this.results.delete(key);
      this.results.set(key, cached);
      return cached.slots;
    }

    const inQueue = this.queueTest(queue, minute);
    const passes = this.filterTest(filters, minute);
    const search = this.searchFilter(query.search);
    const order = this.orderFor(query.sort);
    let slots: Int32Array;
    if (search?.slots !== undefined) {
      const kept = search.slots.filter((s) => inQueue(s) && (passes === null || passes(s)));
      const positions = this.positions(order);
      slots = kept.sort((a, b) => (positions[a] ?? 0) - (positions[b] ?? 0));
    } else {
      const out = new Int32Array(order.length);
      let n = 0;
      const test = search?.test;
      if (passes === null && test === undefined) {
        // The common case (a queue, no filter, no search) without a closure call per row for
        // the status queues, the largest ones.
        const wanted = statusCodes.get(queue as ReportStatus);
        if (wanted !== undefined) {
          const status = this.status;
          for (const s of order) if (status[s] === wanted) out[n++] = s;
        } else {
          for (const s of order) if (inQueue(s)) out[n++] = s;
        }
      } else {
        for (const s of order) {
          if (inQueue(s) && (passes === null || passes(s)) && (test === undefined || test(s))) {
            out[n++] = s;
          }
        }
      }
      slots = n === out.length ? out : out.slice(0, n);
    }

    this.results.delete(key);
    this.results.set(key, { generation: this.generation, searchGeneration, minute, slots });
    if (this.results.size > RESULT_CACHE_SIZE) {
      const oldest = this.results.keys().next();
      if (oldest.done !== true) this.results.delete(oldest.value);
    }
    return slots;
  }

  query(query: InboxQuery, offset: number, limit: number): InboxModelPage {
    const slots = this.resolve(query);
    const total = slots.length;
    const start = Math.max(0, Math.floor(offset));
    const end = Math.min(total, start + Math.max(0, Math.floor(limit)));
    const rows: ReportListRow[] = [];
    const desc = query.direction === 'desc';
    for (let i = start; i < end; i++) rows.push(this.rowAt(slots[desc ? total - 1 - i : i] ?? 0));
    return { total, rows };
  }

  matchingIds(query: InboxQuery): string[] {
    const slots = this.resolve(query);
    const ids = Array.from(slots, (slot) => this.ids[slot] ?? '');
    return query.direction === 'desc' ? ids.reverse() : ids;
  }

  // -- snapshot --------------------------------------------------------------------------------

  snapshot(): InboxModelSnapshot {
    const breach = this.orderFor('breach');
    const arrival = this.orderFor('arrival');
    // Rows in slot order without the free slots: sequential reads, and the orders as
    // permutations of row numbers.
    const live = this.liveSlots();
    const size = live.length;
    const rowOf = new Int32Array(this.slotCount);
    for (let i = 0; i < size; i++) rowOf[live[i] ?? 0] = i;
    const dictionaries = [this.agencies.values, this.users.values, this.categories.values];
    const stringEnds = new Uint32Array(
      4 * size + dictionaries.reduce((sum, d) => sum + d.length, 0),
    );
    // Joined in chunks: one join of 400,000 strings is several times slower.
    const chunks: string[] = [];
    let chunk: string[] = [];
    let k = 0;
    let offset = 0;
    const put = (value: string): void => {
      chunk.push(value);
      offset += value.length;
      stringEnds[k++] = offset;
      if (chunk.length === 1024) {
        chunks.push(chunk.join(''));
        chunk = [];
      }
    };
    for (const column of [this.ids, this.trackingIds, this.titles, this.locations]) {
      for (const slot of live) put(column[slot] ?? '');
    }
    for (const dictionary of dictionaries) for (const value of dictionary) put(value);
    chunks.push(chunk.join(''));

    const numbers = new Float64Array(5 * size);
    const codes = new Int32Array(4 * size);
    const small = new Uint8Array(5 * size);
    [this.createdAt, this.dueAt, this.pausedAt, this.updatedAt, this.version].forEach(
      (column, c) => {
        gatherFloat64(numbers, c * size, column, live);
      },
    );
    [this.agency, this.unit, this.assignee, this.category].forEach((column, c) => {
      gatherInt32(codes, c * size, column, live);
    });
    [this.status, this.channel, this.type, this.timeZone, this.flags].forEach((column, c) => {
      gatherUint8(small, c * size, column, live);
    });
    const breachOrder = new Int32Array(size);
    gatherInt32(breachOrder, 0, rowOf, breach);
    const arrivalOrder = new Int32Array(size);
    gatherInt32(arrivalOrder, 0, rowOf, arrival);
    return {
      format: INBOX_MODEL_SNAPSHOT_FORMAT,
      generation: this.generation,
      size,
      dictionarySizes: Uint32Array.from(dictionaries, (d) => d.length),
      strings: chunks.join(''),
      stringEnds,
      numbers,
      codes,
      small,
      breachOrder,
      arrivalOrder,
    };
  }

  /** Loads a snapshot into this (empty) model. */
  load(snapshot: InboxModelSnapshot): void {
    const { size, stringEnds, strings } = snapshot;
    const dictionarySizes = Array.from(snapshot.dictionarySizes);
    const stringCount = 4 * size + dictionarySizes.reduce((sum, n) => sum + n, 0);
    if (
      (snapshot.format as number) !== INBOX_MODEL_SNAPSHOT_FORMAT ||
      dictionarySizes.length !== 3 ||
      stringEnds.length !== stringCount ||
      (stringEnds.at(-1) ?? 0) !== strings.length ||
      snapshot.numbers.length !== 5 * size ||
      snapshot.codes.length !== 4 * size ||
      snapshot.small.length !== 5 * size ||
      snapshot.breachOrder.length !== size ||
      snapshot.arrivalOrder.length !== size
    ) {
      throw new RangeError('Inbox model snapshot is malformed or of another format');
    }
    let start = 0;
    let k = 0;
    const column = (count = size): string[] => {
      const values: string[] = [];
      for (let i = 0; i < count; i++) {
        const end = stringEnds[k++] ?? start;
        values.push(strings.slice(start, end));
        start = end;
      }
      return values;
    };
    this.ensureCapacity(size);
    this.ids = column();
    this.trackingIds = column();
    this.titles = column();
    this.locations = column();
    for (const [i, dictionary] of [this.agencies, this.users, this.categories].entries()) {
      for (const value of column(dictionarySizes[i] ?? 0)) dictionary.encode(value);
    }
    const scatter = <T extends Float64Array | Int32Array | Uint8Array>(
      source: T,
      columns: readonly T[],
    ): void => {
      columns.forEach((column, c) => {
        column.set(source.subarray(c * size, (c + 1) * size));
      });
    };
    scatter(snapshot.numbers, [
      this.createdAt,
      this.dueAt,
      this.pausedAt,
      this.updatedAt,
      this.version,
    ]);
    scatter(snapshot.codes, [this.agency, this.unit, this.assignee, this.category]);
    scatter(snapshot.small, [this.status, this.channel, this.type, this.timeZone, this.flags]);
    this.slotCount = size;
    this.live = size;
    const ids = this.ids;
    for (let s = 0; s < size; s++) this.slotOf.set(ids[s] ?? '', s);
    if (this.slotOf.size !== size) throw new RangeError('Inbox model snapshot repeats an id');
    this.recountStatic();
    this.breachOrder.reset(snapshot.breachOrder.slice());
    this.arrivalOrder.reset(snapshot.arrivalOrder.slice());
    this.generation = snapshot.generation;
  }
}

// One loop per element type keeps each loop's element access monomorphic.
function gatherFloat64(
  target: Float64Array,
  base: number,
  column: Float64Array,
  order: Int32Array,
): void {
  for (let i = 0; i < order.length; i++) target[base + i] = column[order[i] ?? 0] ?? 0;
}

function gatherInt32(
  target: Int32Array,
  base: number,
  column: Int32Array,
  order: Int32Array,
): void {
  for (let i = 0; i < order.length; i++) target[base + i] = column[order[i] ?? 0] ?? 0;
}

function gatherUint8(
  target: Uint8Array,
  base: number,
  column: Uint8Array,
  order: Int32Array,
): void {
  for (let i = 0; i < order.length; i++) target[base + i] = column[order[i] ?? 0] ?? 0;
}

function dayEndsAt(minute: number): Float64Array {
  return Float64Array.from(timeZones, (tz) => endOfLocalDay(localDayNumber(minute, tz), tz));
}

export function createInboxModel(ctx: InboxModelContext): InboxModel {
  return new ColumnarInboxModel(ctx);
}

/** A model from a snapshot; throws RangeError when the snapshot does not fit together. */
export function restoreInboxModel(
  ctx: InboxModelContext,
  snapshot: InboxModelSnapshot,
): InboxModel {
  const model = new ColumnarInboxModel(ctx);
  model.load(snapshot);
  return model;
}

/** Every queue id with a zero count (e.g. before the first sync). */
export function emptyQueueCounts(): QueueCounts {
  return Object.fromEntries(queueIds.map((id) => [id, 0])) as Record<QueueId, number>;
}
