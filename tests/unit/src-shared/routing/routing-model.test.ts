import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addExample,
  suggestRouting,
  trainRoutingModel,
  type RoutingSuggestion,
} from '../../../../src-shared/routing/routing-model';
import { example, routingReport, times } from './routing-fixtures';

const SUKAMAJU = { location: 'Kecamatan Tamansari, Kota Sukamaju', regionCode: '99.71.03' };
const TANJUNG = {
  location: 'Kecamatan Sukadamai, Kabupaten Tanjung Harapan',
  regionCode: '99.01.02',
};

/** A small province: health offices in two regencies, roads and traffic sharing a category. */
function history() {
  return [
    ...times(12, (i) =>
      example('sukamaju-dinkes', i % 3 === 0 ? null : 'sukamaju-dinkes-u1', {
        categoryId: 'cat-puskesmas',
        title: 'Antrean puskesmas panjang',
        body: 'Pelayanan puskesmas lambat, obat sering kosong dan dokter jarang ada.',
        ...SUKAMAJU,
      }),
    ),
    ...times(8, () =>
      example('tanjung-dinkes', null, {
        categoryId: 'cat-puskesmas',
        title: 'Puskesmas tutup siang hari',
        body: 'Petugas puskesmas tidak ada, obat habis, pasien pulang tanpa dilayani.',
        ...TANJUNG,
      }),
    ),
    ...times(10, () =>
      example('sukamaju-pupr', null, {
        categoryId: 'cat-jalan',
        title: 'Jalan berlubang',
        body: 'Jalan rusak berat, aspal mengelupas dan berlubang dalam, motor sering jatuh.',
        ...SUKAMAJU,
      }),
    ),
    ...times(6, () =>
      example('sukamaju-dishub', null, {
        categoryId: 'cat-jalan',
        title: 'Lampu lalu lintas mati',
        body: 'Lampu lalu lintas di perempatan mati, rambu tertutup pohon, kendaraan semrawut.',
        ...SUKAMAJU,
      }),
    ),
  ];
}

function expectWellFormed(suggestions: readonly RoutingSuggestion[]): void {
  let sum = 0;
  suggestions.forEach((suggestion, i) => {
    expect(suggestion.confidence).toBeGreaterThanOrEqual(0);
    expect(suggestion.confidence).toBeLessThanOrEqual(1);
    const previous = suggestions[i - 1];
    if (previous !== undefined) {
      expect(suggestion.confidence).toBeLessThanOrEqual(previous.confidence);
    }
    sum += suggestion.confidence;
  });
  expect(sum).toBeLessThanOrEqual(1 + 1e-9);
}

describe('routing suggestions', () => {
  it('suggests nothing from a model that learned nothing', () => {
    const model = trainRoutingModel([]);
    expect(
      suggestRouting(model, routingReport({ categoryId: 'cat-jalan', title: 'Jalan' })),
    ).toEqual([]);
  });

  it('lets the category outweigh a word learned with another target', () => {
    const model = trainRoutingModel(history());
    const [first] = suggestRouting(
      model,
      routingReport({
        categoryId: 'cat-puskesmas',
        title: 'Jalan menuju puskesmas',
        body: 'Jalan ke sana jauh.',
        ...SUKAMAJU,
      }),
    );
    expect(first?.agencyId).toBe('sukamaju-dinkes');
    expect(first?.reasons.find((reason) => reason.kind === 'category')?.value).toBe(
      'cat-puskesmas',
    );
  });

  it('breaks a tie between targets of one category by the words of the report', () => {
    const model = trainRoutingModel(history());
    const traffic = suggestRouting(
      model,
      routingReport({
        categoryId: 'cat-jalan',
        title: 'Lampu lalu lintas mati sejak kemarin',
        ...SUKAMAJU,
      }),
    );
    const road = suggestRouting(
      model,
      routingReport({ categoryId: 'cat-jalan', title: 'Aspal berlubang', ...SUKAMAJU }),
    );
    expect(traffic[0]?.agencyId).toBe('sukamaju-dishub');
    expect(road[0]?.agencyId).toBe('sukamaju-pupr');
    const words = traffic[0]?.reasons.filter((r) => r.kind === 'word').map((r) => r.value);
    expect(words).toContain('lampu');
  });

  it('routes the same category to the office of the region the report comes from', () => {
    const model = trainRoutingModel(history());
    const report = routingReport({
      categoryId: 'cat-puskesmas',
      title: 'Puskesmas kekurangan obat',
      location: 'Desa Mekarsari, Kecamatan Sukadamai, Kabupaten Tanjung Harapan',
      regionCode: '99.01.02.2002',
    });
    const [first] = suggestRouting(model, report);
    expect(first).toMatchObject({ agencyId: 'tanjung-dinkes', unitId: null, support: 8 });
    // The district code (the most specific level it learned) and the regency's name are why.
    const locations = first?.reasons.filter((r) => r.kind === 'location').map((r) => r.value);
    expect(locations).toContain('99.01.02');
    expect(locations?.some((value) => value === 'tanjung' || value === 'harapan')).toBe(true);
  });

  it('offers the units of an office with confidences that are sorted and sum to at most 1', () => {
    const model = trainRoutingModel(history());
    const suggestions = suggestRouting(
      model,
      routingReport({ categoryId: 'cat-puskesmas', title: 'Obat puskesmas kosong', ...SUKAMAJU }),
    );
    expect(suggestions).toHaveLength(3);
    expectWellFormed(suggestions);
    expect(suggestions.slice(0, 2).map((s) => s.unitId)).toEqual(['sukamaju-dinkes-u1', null]);
    expect(suggestions[0]?.support).toBe(8);
    expect(suggestions[0]?.reasons.length).toBeLessThanOrEqual(4);
  });

  it('names a word reason by the word the report used, not by its stem', () => {
    const model = trainRoutingModel([
      ...times(5, () => example('pupr', null, { title: 'Perbaikan saluran air' })),
      ...times(5, () => example('dinkes', null, { title: 'Pelayanan pasien lambat' })),
    ]);
    // "diperbaiki" shares the stem "perbaik" with "perbaikan".
    const [first] = suggestRouting(model, routingReport({ title: 'Kapan diperbaiki?' }));
    expect(first?.agencyId).toBe('pupr');
    expect(first?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'word', value: 'diperbaiki' }),
    );
    expect(first?.reasons.some((reason) => reason.value === 'perbaik')).toBe(false);
  });

  it('falls back on how often each target was chosen when no word of the report is known', () => {
    const model = trainRoutingModel(history());
    const suggestions = suggestRouting(
      model,
      routingReport({ title: 'Ẓyx qwv ☃ 12345', body: 'ñandú ꦲꦏ꧀ꦱꦫ' }),
    );
    expect(suggestions).toHaveLength(3);
    expectWellFormed(suggestions);
    // Ten past dispositions went to the roads office, the most of any one target.
    expect(suggestions[0]).toMatchObject({ agencyId: 'sukamaju-pupr', support: 10 });
    expect(suggestions.flatMap((s) => s.reasons)).toEqual([]);
  });

  it('ignores an unknown category and returns no more suggestions than asked for', () => {
    const model = trainRoutingModel(history());
    const report = routingReport({ categoryId: 'cat-never-seen', title: 'Lampu lalu lintas' });
    expect(suggestRouting(model, report, 1)).toHaveLength(1);
    expect(suggestRouting(model, report, 0)).toEqual([]);
    expect(suggestRouting(model, report, 99)).toHaveLength(5);
    expect(suggestRouting(model, report)[0]?.reasons.some((r) => r.kind === 'category')).toBe(
      false,
    );
  });

  it('learns a new disposition at once, as if trained on it from the start', () => {
    const examples = history();
    const extra = times(6, () =>
      example('sukamaju-dinsos', null, {
        categoryId: 'cat-bansos',
        title: 'Bansos tidak cair',
        ...SUKAMAJU,
      }),
    );
    const model = trainRoutingModel(examples);
    const report = routingReport({ categoryId: 'cat-bansos', title: 'Bansos PKH belum cair' });
    expect(suggestRouting(model, report)[0]?.agencyId).not.toBe('sukamaju-dinsos');
    for (const item of extra) addExample(model, item);
    expect(model.examples).toBe(examples.length + extra.length);
    const learned = suggestRouting(model, report);
    const batch = suggestRouting(trainRoutingModel([...extra, ...examples]), report);
    expect(learned[0]?.agencyId).toBe('sukamaju-dinsos');
    expect(learned.map((s) => [s.agencyId, s.unitId])).toEqual(
      batch.map((s) => [s.agencyId, s.unitId]),
    );
    learned.forEach((s, i) => {
      expect(s.confidence).toBeCloseTo(batch[i]?.confidence ?? -1, 9);
    });
  });

  it('answers with well-formed suggestions for any history and report', () => {
    const word = fc.constantFrom(
      'jalan',
      'rusak',
      'puskesmas',
      'obat',
      'lampu',
      'sampah',
      'diperbaiki',
      'perbaikan',
      'café',
      'ktp',
      'yang',
      '07',
    );
    const text = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
    const report = fc.record({
      title: text,
      body: text,
      categoryId: fc.constantFrom(null, 'cat-a', 'cat-b', 'cat-c'),
      location: fc.constantFrom('Kota Sukamaju', 'Kabupaten Tanjung Harapan', ''),
      regionCode: fc.constantFrom('99.71', '99.01.02', '99.71.03.1001'),
    });
    const item = fc.record({
      agencyId: fc.constantFrom('a', 'b', 'c', 'd'),
      unitId: fc.constantFrom(null, 'u1', 'u2'),
      report,
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 40 }),
        report,
        fc.integer({ min: 0, max: 6 }),
        (items, query, k) => {
          const model = trainRoutingModel(
            items.map(({ agencyId, unitId, report: text }) => example(agencyId, unitId, text)),
          );
          const suggestions = suggestRouting(model, routingReport(query), k);
          const targets = new Set(items.map((i) => `${i.agencyId}/${String(i.unitId)}`));
          expect(suggestions).toHaveLength(Math.min(k, targets.size));
          expectWellFormed(suggestions);
          for (const suggestion of suggestions) {
            expect(targets.has(`${suggestion.agencyId}/${String(suggestion.unitId)}`)).toBe(true);
            expect(suggestion.reasons.length).toBeLessThanOrEqual(4);
            expect(suggestion.reasons.every((reason) => reason.weight >= 0.1)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
