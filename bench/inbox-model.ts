// Benchmark of the in-memory inbox (src-shared/inbox): n synthetic list rows with ~1.5 KB
// Indonesian-like bodies, generated deterministically, then the model and the search index are
// built and every operation the inbox UI makes is timed (p50/p95 in ms).
// Run alone: `npx tsx bench/inbox-model.ts 100000` (add `--expose-gc` via NODE_OPTIONS for
// steadier memory figures); or import `benchInboxModel` from the suite.

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Agency } from '../src-shared/domain/agency';
import { DEFAULT_AGENCY_SETTINGS } from '../src-shared/domain/agency';
import { indonesianHolidays } from '../src-shared/domain/holidays-id';
import { reportChannels, reportTypes } from '../src-shared/domain/report';
import type { ReportStatus } from '../src-shared/domain/report-status';
import { createSlaCalendar } from '../src-shared/domain/sla-calendar';
import { endOfLocalDay, localDayNumber, timeZones } from '../src-shared/domain/time-zone';
import { createInboxModel, restoreInboxModel } from '../src-shared/inbox/inbox-model';
import type { InboxModel, InboxModelContext } from '../src-shared/inbox/inbox-model';
import type { ReportListRow } from '../src-shared/inbox/list-row';
import type { InboxQuery } from '../src-shared/inbox/queries';
import { defaultInboxQuery, queueIds, sortKeys } from '../src-shared/inbox/queries';
import { createSearchIndex, restoreSearchIndex } from '../src-shared/inbox/search-index';
import type { SearchDoc, SearchIndex } from '../src-shared/inbox/search-index';

/** Monday 24 November 2025, 10:00 WIB (the demo's "today"). */
const NOW = Date.UTC(2025, 10, 24, 3, 0, 0);
const DAY = 86_400_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOTS = (
  'jalan rusak lubang air bersih listrik padam sampah banjir sekolah guru murid rumah sakit ' +
  'dokter obat puskesmas pasien bidan desa dana bantuan sosial warga kota kabupaten dinas ' +
  'pelayanan izin usaha pajak tanah sertifikat akta lahir nikah kartu keluarga penduduk ' +
  'antre lama lambat pungut liar biaya mahal gratis rusak tolong mohon segera tindak lanjut ' +
  'lapor aduan keluh petugas kantor camat lurah bupati walikota gubernur polisi lalu lintas ' +
  'angkot bus terminal parkir pasar harga beras minyak gas elpiji pupuk petani nelayan ' +
  'irigasi sawah hutan tambang limbah sungai cemar udara asap bakar lampu taman trotoar ' +
  'drainase got selokan macet angkut kerja gaji upah buruh pabrik kontrak honor pensiun ' +
  'beasiswa kuliah zonasi daftar online sistem aplikasi server gangguan jaringan sinyal ' +
  'internet bayar tagihan meteran pdam pln bpjs klaim rujuk kamar inap antri jadwal vaksin ' +
  'posyandu gizi stunting balita ibu hamil anak yatim lansia cacat disabilitas akses ramp ' +
  'baik perbaiki bangun tutup buka ganti pasang cabut ukur cek periksa awas jaga bersih ' +
  'rawat tanam potong angkat kirim terima tolak setuju minta tanya jawab jelas tunggu'
).split(' ');
const PREFIXES = [
  '',
  '',
  '',
  'me',
  'mem',
  'men',
  'meng',
  'di',
  'pe',
  'pem',
  'pen',
  'ber',
  'ter',
  'ke',
];
const SUFFIXES = ['', '', '', 'an', 'kan', 'i', 'nya', 'lah'];
const SYLLABLES =
  'ba be bi bo bu da de di du ga gi gu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa ya ng an in un'.split(
    ' ',
  );
const PLACES = (
  'Bandung Cimahi Garut Tasikmalaya Bekasi Bogor Depok Cirebon Sumedang Subang Jayapura ' +
  'Merauke Sorong Makassar Manado Ambon Ternate Kupang Mataram Denpasar Balikpapan'
).split(' ');
const ACCENTED = ['café', 'José', 'Pérez', 'Müller', 'kopi', 'Ngurah'];

function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>();
  for (const root of ROOTS) words.add(root);
  while (words.size < size * 0.7) {
    const root = ROOTS[Math.floor(random() * ROOTS.length)] ?? 'jalan';
    const prefix = PREFIXES[Math.floor(random() * PREFIXES.length)] ?? '';
    const suffix = SUFFIXES[Math.floor(random() * SUFFIXES.length)] ?? '';
    words.add(prefix + root + suffix);
  }
  while (words.size < size) {
    let word = '';
    const syllables = 2 + Math.floor(random() * 3);
    for (let i = 0; i < syllables; i++) {
      word += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? '';
    }
    words.add(word);
  }
  // Shuffle so the Zipf ranks mix roots, affixed forms and made-up words.
  const list = [...words];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j] ?? '', list[i] ?? ''];
  }
  return list;
}

function zipfSampler(random: () => number, count: number): () => number {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) cumulative[i] = sum += 1 / (i + 1);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const STATUS_MIX: readonly [ReportStatus, number][] = [
  ['unverified', 8],
  ['pending_info', 3],
  ['disposed', 8],
  ['in_progress', 15],
  ['responded', 10],
  ['completed', 42],
  ['not_authority', 2],
  ['archived', 12],
];

export interface BenchWorld {
  readonly rows: ReportListRow[];
  readonly docs: SearchDoc[];
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly categories: ReadonlyMap<string, string>;
  readonly vocabulary: readonly string[];
  readonly userId: string;
}

/** n rows and their search text, the same for the same n and seed. */
export function generateWorld(n: number, seed = 1): BenchWorld {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const agencies = new Map<string, Agency>();
  const addAgency = (id: string, parentId: string | null, name: string, level: Agency['level']) =>
    agencies.set(id, {
      id,
      parentId,
      name,
      level,
      timeZone: 'WIB',
      settings: { ...DEFAULT_AGENCY_SETTINGS },
      version: 1,
    });
  addAgency('prov', null, 'Pemerintah Provinsi', 'province');
  const units: string[] = [];
  const opds: string[] = [];
  for (let c = 0; c < 20; c++) {
    addAgency(`kab-${c}`, 'prov', `Kabupaten ${PLACES[c] ?? c}`, 'regency_city');
    for (let o = 0; o < 10; o++) {
      const opd = `opd-${c}-${o}`;
      addAgency(opd, `kab-${c}`, `Dinas ${ROOTS[(c * 10 + o) % ROOTS.length] ?? o} ${c}`, 'opd');
      opds.push(opd);
      for (let u = 0; u < 3; u++) {
        addAgency(`${opd}-u${u}`, opd, `Bidang ${u} ${opd}`, 'unit');
        units.push(`${opd}-u${u}`);
      }
    }
  }
  const categories = new Map<string, string>();
  for (let c = 0; c < 40; c++) categories.set(`cat-${c}`, `Kategori ${ROOTS[c * 3] ?? c}`);
  const categoryIds = [...categories.keys()];
  const users = Array.from({ length: 60 }, (_, i) => `user-${i}`);
  const words = vocabulary(random, 5000);
  const zipf = zipfSampler(random, words.length);
  const statusTotal = STATUS_MIX.reduce((sum, [, w]) => sum + w, 0);
  const pickStatus = (): ReportStatus => {
    let x = random() * statusTotal;
    for (const [status, weight] of STATUS_MIX) if ((x -= weight) < 0) return status;
    return 'completed';
  };
  const text = (minLength: number): string => {
    const parts: string[] = [];
    let length = 0;
    while (length < minLength) {
      const word = random() < 0.002 ? pick(ACCENTED) : (words[zipf()] ?? 'jalan');
      parts.push(word);
      length += word.length + 1;
    }
    return parts.join(' ');
  };

  const rows: ReportListRow[] = [];
  const docs: SearchDoc[] = [];
  const today = localDayNumber(NOW, 'WIB');
  for (let i = 0; i < n; i++) {
    const status = pickStatus();
    const tz = random() < 0.8 ? 'WIB' : pick(timeZones);
    const createdAt = NOW - Math.floor(random() * 365 * DAY);
    const closed = status === 'completed' || status === 'archived';
    const dueAt = closed ? null : endOfLocalDay(today + Math.floor(random() * 30) - 10, tz);
    const opd = pick(opds);
    const unitId = status === 'unverified' || random() < 0.3 ? null : `${opd}-u${i % 3}`;
    const trackingId = String(1_000_000 + i * 7 + Math.floor(random() * 7));
    const title = text(40);
    const locationText = `${pick(PLACES)}, RT ${i % 20}`;
    rows.push({
      id: `r-${String(i).padStart(7, '0')}`,
      trackingId,
      title,
      status,
      agencyId: opd,
      unitId,
      assigneeId: unitId === null || random() < 0.2 ? null : pick(users),
      categoryId: random() < 0.1 ? null : pick(categoryIds),
      channel: pick(reportChannels),
      type: pick(reportTypes),
      rahasia: random() < 0.1,
      anonim: random() < 0.15,
      locationText,
      timeZone: tz,
      createdAt,
      dueAt,
      pausedAt: status === 'pending_info' ? createdAt + DAY : null,
      updatedAt: createdAt + DAY,
      version: i + 1,
      pending: random() < 0.01,
      awaitingApproval: status === 'in_progress' && random() < 0.2,
    });
    docs.push({
      id: `r-${String(i).padStart(7, '0')}`,
      text: `${trackingId} ${title} ${text(1450)} ${locationText}`,
    });
  }
  return { rows, docs, agencies, categories, vocabulary: words, userId: 'user-7' };
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export async function benchInboxModel(n: number): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const record = (key: string, value: number): void => {
    results[key] = round(value);
  };
  const recordSamples = (key: string, samples: readonly number[]): void => {
    record(`${key}.p50`, percentile(samples, 50));
    record(`${key}.p95`, percentile(samples, 95));
  };
  const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  const world = generateWorld(n);
  await tick();
  let clock = NOW;
  const ctx: InboxModelContext = {
    userId: world.userId,
    now: () => clock,
    calendar: createSlaCalendar(indonesianHolidays),
    agencies: world.agencies,
    categoryName: (id) => world.categories.get(id) ?? id,
  };

  // -- build ------------------------------------------------------------------------------------
  const heapBefore = heapMb();
  const model = createInboxModel(ctx);
  record(
    'model.build.ms',
    timed(() => {
      for (let i = 0; i < n; i += 1000) model.upsert(world.rows.slice(i, i + 1000));
      model.query(defaultInboxQuery('in_progress'), 0, 50);
    }),
  );
  const heapModel = heapMb();
  record('model.heap.mb', heapModel - heapBefore);
  let index: SearchIndex = createSearchIndex();
  const cpuBefore = process.cpuUsage();
  record(
    'index.build.ms',
    timed(() => {
      for (let i = 0; i < n; i += 1000) index.add(world.docs.slice(i, i + 1000));
      index.compact();
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time too: on a shared machine wall time mostly measures the neighbours.
  record('index.build.cpu.ms', (cpu.user + cpu.system) / 1000);
  record('index.heap.mb', heapMb() - heapModel);
  const stats = index.stats();
  record('index.terms', stats.terms);
  record('index.denseTerms', stats.denseTerms);
  record('index.bytes.mb', stats.bytes / 1_048_576);
  model.setContext({ search: index });
  await tick();

  // -- queue switch: first 50 of every queue × sort, cold (a one-row change between rounds) -----
  const switches: number[] = [];
  for (let r = 0; r < 6; r++) {
    const changed = world.rows[r * 17];
    if (changed !== undefined) model.upsert([{ ...changed, version: changed.version + 1 }]);
    for (const queue of queueIds) {
      for (const sort of sortKeys) {
        const query: InboxQuery = {
          ...defaultInboxQuery(queue),
          sort,
          direction: r % 2 ? 'desc' : 'asc',
        };
        switches.push(timed(() => model.query(query, 0, 50)));
      }
    }
  }
  recordSamples('queue.switch', switches);
  const warm: number[] = [];
  for (const queue of queueIds) {
    warm.push(timed(() => model.query(defaultInboxQuery(queue), 0, 50)));
  }
  recordSamples('queue.switch.cached', warm);
  const filtered: number[] = [];
  for (const [k, opd] of ['kab-3', 'kab-11', 'opd-5-5', 'opd-12-1'].entries()) {
    const query: InboxQuery = {
      ...defaultInboxQuery(queueIds[k + 3] ?? 'completed'),
      sort: 'agency',
      filters: { agencyIds: [opd], channels: ['web', 'sms', 'mobile'], privacy: ['public'] },
    };
    filtered.push(timed(() => model.query(query, 0, 50)));
  }
  recordSamples('queue.filtered', filtered);
  await tick();

  // -- search -----------------------------------------------------------------------------------
  const vocab = world.vocabulary;
  const oneWord = [0, 3, 10, 40, 150, 600, 2500].map((rank) => vocab[rank] ?? 'jalan');
  const twoWord = [
    [0, 5],
    [2, 30],
    [8, 100],
    [20, 400],
    [60, 900],
    [1, 2000],
  ].map(([a, b]) => `${vocab[a ?? 0] ?? ''} ${vocab[b ?? 0] ?? ''}`);
  const prefixes = ['pen', 'ber', 'lam', 'sek', 'mem', 'tan'];
  const tracking = [3, 777, Math.floor(n / 2), n - 5, Math.floor(n / 3)].map(
    (i) => world.rows[Math.min(i, n - 1)]?.trackingId ?? '',
  );
  const searchSets: [string, string[]][] = [
    ['search.oneWord', oneWord],
    ['search.twoWordAnd', twoWord],
    ['search.prefix3', prefixes],
    [
      'search.typeahead',
      oneWord.slice(0, 4).map((w, i) => `${w} ${(vocab[i + 7] ?? 'jal').slice(0, 4)}`),
    ],
    ['search.tracking', tracking],
    ['search.accent', ['cafe', 'jose', 'CAFÉ', 'muller']],
  ];
  for (const [key, queries] of searchSets) {
    const inner: number[] = [];
    const inModel: number[] = [];
    for (let rep = 0; rep < 5; rep++) {
      for (const text of queries) {
        inner.push(timed(() => index.search(text)));
        // A different queue each time so the model's result cache does not answer.
        const queue = queueIds[(rep * queries.length + queries.indexOf(text)) % queueIds.length];
        const query: InboxQuery = {
          ...defaultInboxQuery(queue ?? 'completed'),
          filters: { createdFrom: rep },
          search: text,
        };
        inModel.push(timed(() => model.query(query, 0, 50)));
      }
    }
    recordSamples(`${key}.index`, inner);
    recordSamples(`${key}.model`, inModel);
  }
  await tick();

  // -- window scroll ----------------------------------------------------------------------------
  const scroll: number[] = [];
  const big: InboxQuery = { ...defaultInboxQuery('completed'), sort: 'arrival', direction: 'desc' };
  model.query(big, 0, 50);
  for (let rep = 0; rep < 3; rep++) {
    for (let offset = 5000; offset <= 50_000; offset += 5000) {
      scroll.push(timed(() => model.query(big, offset, 50)));
    }
  }
  recordSamples('scroll.window', scroll);
  record('scroll.total', model.query(big, 0, 0).total);

  // -- counts -----------------------------------------------------------------------------------
  const sameMinute: number[] = [];
  const newMinute: number[] = [];
  for (let rep = 0; rep < 20; rep++) {
    clock += 60_000;
    newMinute.push(timed(() => model.counts()));
    sameMinute.push(timed(() => model.counts()));
  }
  recordSamples('counts.sameMinute', sameMinute);
  recordSamples('counts.newMinute', newMinute);

  // -- upsert 1000 changed rows, then the next query ----------------------------------------------
  const random = mulberry32(99);
  const upserts: number[] = [];
  const nextQueries: number[] = [];
  const removes: number[] = [];
  for (let rep = 0; rep < 10; rep++) {
    const batch: ReportListRow[] = [];
    for (let k = 0; k < 1000; k++) {
      const row = world.rows[Math.floor(random() * n)];
      if (row === undefined) continue;
      batch.push({
        ...row,
        status: 'in_progress',
        dueAt: endOfLocalDay(
          localDayNumber(clock, row.timeZone) + Math.floor(random() * 20),
          row.timeZone,
        ),
        assigneeId: random() < 0.5 ? world.userId : row.assigneeId,
        version: row.version + rep + 1,
      });
    }
    upserts.push(
      timed(() => {
        model.upsert(batch);
      }),
    );
    const sort = sortKeys[rep % sortKeys.length] ?? 'breach';
    nextQueries.push(
      timed(() => model.query({ ...defaultInboxQuery('in_progress'), sort }, 0, 50)),
    );
    const gone = batch.slice(0, 100).map((row) => row.id);
    removes.push(
      timed(() => {
        model.remove(gone);
      }),
    );
    model.upsert(batch.slice(0, 100));
  }
  recordSamples('upsert1000.upsert', upserts);
  recordSamples('upsert1000.nextQuery', nextQueries);
  recordSamples('remove100', removes);
  const reindex: number[] = [];
  const searchAfter: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const docs = world.docs.slice(rep * 1000, rep * 1000 + 1000);
    reindex.push(
      timed(() => {
        index.add(docs.map((d) => ({ id: d.id, text: `${d.text} diperbaiki` })));
      }),
    );
    searchAfter.push(timed(() => index.search(`${oneWord[2] ?? ''} ${prefixes[rep] ?? ''}`)));
  }
  recordSamples('index.update1000', reindex);
  recordSamples('index.searchAfterUpdate', searchAfter);
  await tick();

  // -- snapshot and restore ---------------------------------------------------------------------
  let snapshot = model.snapshot();
  const snapshots: number[] = [];
  const restores: number[] = [];
  let restored: InboxModel = model;
  for (let rep = 0; rep < 3; rep++) {
    snapshots.push(timed(() => (snapshot = model.snapshot())));
    const cloned = structuredClone(snapshot);
    restores.push(
      timed(() => {
        restored = restoreInboxModel(ctx, cloned);
        restored.query(defaultInboxQuery('in_progress'), 0, 50);
      }),
    );
  }
  recordSamples('model.snapshot', snapshots);
  recordSamples('model.restore', restores);
  record('model.restore.size', restored.size);
  let serialized = index.serialize();
  const serializes: number[] = [];
  const loads: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    serializes.push(timed(() => (serialized = index.serialize())));
    const cloned = structuredClone(serialized);
    loads.push(timed(() => (index = restoreSearchIndex(cloned))));
  }
  recordSamples('index.serialize', serializes);
  recordSamples('index.restore', loads);
  record(
    'index.serialized.mb',
    (serialized.strings.length * 2 +
      serialized.stringEnds.byteLength +
      serialized.postingEnds.byteLength +
      serialized.postings.byteLength +
      serialized.denseSlot.byteLength +
      serialized.dense.byteLength) /
      1_048_576,
  );
  record('heap.total.mb', heapMb() - heapBefore);
  return results;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const results = await benchInboxModel(n);
  console.log(`inbox model benchmark, n = ${String(n)}`);
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) {
    console.log(`  ${key.padEnd(width)}  ${String(value).padStart(10)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main();
}
