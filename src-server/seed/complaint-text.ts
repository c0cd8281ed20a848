// Composes the words of a synthetic complaint and of the agency's answer from the phrase banks:
// titles, bodies of varied length (SMS reports are a sentence or two, web reports a few
// paragraphs), location text, and formal responses. Slots (`{jalan}`, `{kelurahan}`, …) take one
// value per report, so a report names the same street throughout.

import type { ReportType } from '../../src-shared/domain/report';
import * as phrases from './complaint-phrases';
import type { DemoDistrict, DemoVillage } from './demo-directory';
import type { Prng } from './prng';

/** Where a complaint happens. */
export interface Place {
  /** `Kota Sukamaju`, `Kabupaten Teluk Kasuari`. */
  readonly regionName: string;
  readonly district: DemoDistrict;
  readonly village: DemoVillage;
}

const streets = [
  'Jl. Merdeka',
  'Jl. Jenderal Sudirman',
  'Jl. Ahmad Yani',
  'Jl. Diponegoro',
  'Jl. Pahlawan',
  'Jl. Pattimura',
  'Jl. Gajah Mada',
  'Jl. Hasanuddin',
  'Jl. Imam Bonjol',
  'Jl. Kartini',
  'Jl. Veteran',
  'Jl. Pemuda',
  'Jl. Cendana',
  'Jl. Melati',
  'Jl. Flamboyan',
  'Jl. Lingkar Selatan',
  'Jl. Pelabuhan',
  'Jl. Raya Bukit Raya',
  'Jl. Trikora',
  'Jl. Kenanga',
];
const weekdays = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const villageLabel: Readonly<Record<DemoVillage['kind'], string>> = {
  kelurahan: 'Kelurahan',
  desa: 'Desa',
  kampung: 'Kampung',
};

/** `Kota Sukamaju` → `Sukamaju`. */
function townOf(regionName: string): string {
  return regionName.replace(/^(Kota|Kabupaten|Provinsi) /, '');
}

function districtShortName(district: DemoDistrict): string {
  return district.name.replace(/^(Kecamatan|Distrik) /, '');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Slot values of one report, drawn on first use and then kept. */
export class SlotValues {
  private readonly values = new Map<string, string>();

  constructor(
    private readonly prng: Prng,
    private readonly place: Place,
    private readonly fixed: Readonly<Record<string, string>>,
  ) {}

  get(name: string): string {
    const known = this.fixed[name] ?? this.values.get(name);
    if (known !== undefined) return known;
    const value = this.draw(name);
    this.values.set(name, value);
    return value;
  }

  fill(text: string): string {
    return text.replace(/\{([a-z_]+)\}/g, (_match, name: string) => this.get(name));
  }

  private draw(name: string): string {
    const { prng, place } = this;
    const town = townOf(place.regionName);
    switch (name) {
      case 'kelurahan':
      case 'desa':
        return `${villageLabel[place.village.kind]} ${place.village.name}`;
      case 'kecamatan':
        return place.district.name;
      case 'wilayah':
        return place.regionName;
      case 'jalan':
        return prng.chance(0.3)
          ? `${prng.pick(streets)} No. ${String(prng.int(1, 180))}`
          : prng.pick(streets);
      case 'rt':
        return `RT ${pad2(prng.int(1, 12))}/RW ${pad2(prng.int(1, 8))}`;
      case 'durasi':
        return prng.pick(phrases.durations);
      case 'nominal':
        return prng.pick(phrases.amounts);
      case 'hari':
        return prng.pick(weekdays);
      case 'jam':
        return `${pad2(prng.int(7, 15))}.${prng.pick(['00', '15', '30', '45'])}`;
      case 'sekolah':
        return prng.weighted([
          [`SD Negeri ${String(prng.int(1, 6))} ${place.village.name}`, 5],
          [`SMP Negeri ${String(prng.int(1, 9))} ${town}`, 3],
          [`SMA Negeri ${String(prng.int(1, 5))} ${town}`, 2],
        ]);
      case 'puskesmas':
        return `Puskesmas ${districtShortName(place.district)}`;
      case 'rsud':
        return `RSUD ${town}`;
      case 'pasar':
        return `Pasar ${place.village.name}`;
      default:
        // The phrase banks are fixed data: an unknown slot is a typo there, caught by the tests.
        throw new Error(`Unknown slot {${name}} in the phrase banks`);
    }
  }
}

export interface ComplaintText {
  readonly title: string;
  readonly body: string;
  readonly locationText: string;
  readonly regionCode: string | null;
}

function sentences(prng: Prng, bank: readonly string[], min: number, max: number): string[] {
  return prng.sample(bank, prng.int(min, max));
}

/**
 * Title, body and location of a complaint about `topicCode`. `signature` is the reporter's name
 * for a non-anonymous report that signs off; anonymous reports never carry it.
 */
export function composeComplaint(
  prng: Prng,
  topicCode: string,
  type: ReportType,
  channel: 'short' | 'long',
  place: Place,
  signature: string | null,
): ComplaintText {
  const topic = phrases.topicPhrases[topicCode];
  if (topic === undefined) throw new Error(`No phrases for category ${topicCode}`);
  const slots = new SlotValues(prng, place, {
    topic: topic.topic,
    ...(signature === null ? {} : { nama: signature }),
  });

  let title: string;
  const paragraphs: string[][] = [];
  switch (type) {
    case 'pengaduan':
      title = prng.pick(topic.titles);
      if (channel === 'short') {
        paragraphs.push([...sentences(prng, topic.details, 1, 2), prng.pick(topic.requests)]);
        break;
      }
      if (prng.chance(0.8)) paragraphs.push([prng.pick(phrases.greetings)]);
      paragraphs.push([
        ...(prng.chance(0.85) ? [prng.pick(phrases.introductions)] : []),
        ...sentences(prng, topic.details, 4, 7),
      ]);
      {
        // Background in one or two paragraphs, without repeating a sentence.
        const background = sentences(prng, phrases.contextSentences, 3, 10);
        const isLong = background.length > 4;
        const split = isLong ? Math.ceil(background.length / 2) : background.length;
        paragraphs.push([...background.slice(0, split), ...sentences(prng, phrases.impacts, 1, 2)]);
        if (prng.chance(0.6)) paragraphs.push(sentences(prng, phrases.attempts, 1, 2));
        if (isLong) paragraphs.push(background.slice(split));
      }
      paragraphs.push([
        ...sentences(prng, topic.requests, 1, 2),
        ...sentences(prng, phrases.expectations, 0, 2),
        prng.pick(phrases.closings),
      ]);
      break;
    case 'aspirasi':
      title = prng.pick(phrases.aspirationTitles);
      if (prng.chance(0.8)) paragraphs.push([prng.pick(phrases.greetings)]);
      paragraphs.push([
        ...(prng.chance(0.85) ? [prng.pick(phrases.introductions)] : []),
        ...sentences(prng, topic.details, 2, 4),
        ...sentences(prng, phrases.contextSentences, 1, 3),
      ]);
      paragraphs.push([
        ...topic.suggestions,
        ...sentences(prng, phrases.expectations, 0, 2),
        prng.pick(phrases.closings),
      ]);
      break;
    case 'permintaan_informasi':
      title = prng.pick(phrases.informationTitles);
      if (prng.chance(0.8)) paragraphs.push([prng.pick(phrases.greetings)]);
      paragraphs.push([
        ...(prng.chance(0.6) ? [prng.pick(phrases.introductions)] : []),
        ...sentences(prng, phrases.informationRequests, 1, 3),
      ]);
      paragraphs.push([prng.pick(phrases.closings)]);
      break;
    default: {
      const unhandled: never = type;
      throw new Error(`Unhandled report type ${String(unhandled)}`);
    }
  }
  if (signature !== null && channel === 'long') {
    paragraphs.push([prng.pick(phrases.signOffs)]);
  }
  const body = paragraphs
    .filter((p) => p.length > 0)
    .map((p) => slots.fill(p.join(' ')))
    .join('\n\n');

  const locationParts = [
    ...(prng.chance(0.7) ? [slots.get('jalan')] : []),
    ...(prng.chance(0.4) ? [slots.get('rt')] : []),
    slots.get('kelurahan'),
    place.district.name,
    place.regionName,
  ];
  const codeRoll = prng.next();
  const regionCode =
    codeRoll < 0.6 ? place.village.code : codeRoll < 0.85 ? place.district.code : null;
  return {
    title: slots.fill(title),
    body,
    locationText: locationParts.join(', '),
    regionCode,
  };
}

/** A short message in a slot-filled bank (internal notes, replies, reasons). */
export function composeLine(prng: Prng, bank: readonly string[], place: Place): string {
  return new SlotValues(prng, place, {}).fill(prng.pick(bank));
}

/** The agency's published answer, formal register. */
export function composeResponse(
  prng: Prng,
  topicCode: string,
  type: ReportType,
  agencyName: string,
): string {
  const topic = phrases.topicPhrases[topicCode];
  if (topic === undefined) throw new Error(`No phrases for category ${topicCode}`);
  const opening = prng.pick(phrases.responseOpenings).replace('{instansi}', agencyName);
  const actions =
    type === 'pengaduan'
      ? prng.sample(topic.actions, prng.int(1, 2))
      : [prng.pick(type === 'aspirasi' ? phrases.aspirationAnswers : phrases.informationAnswers)];
  return `${opening} ${actions.join(', serta ')}.\n\n${prng.pick(phrases.responseClosings)}`;
}
