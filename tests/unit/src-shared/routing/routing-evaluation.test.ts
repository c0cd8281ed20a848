import { describe, expect, it } from 'vitest';
import {
  evaluateRouting,
  majorityBaseline,
  splitByTime,
} from '../../../../src-shared/routing/routing-evaluation';
import { trainRoutingModel } from '../../../../src-shared/routing/routing-model';
import { example, routingReport, times } from './routing-fixtures';

describe('routing evaluation', () => {
  it('trains on the older decisions and tests on the newer ones, whatever the input order', () => {
    const items = [5, 1, 4, 2, 3].map((at) => ({ at }));
    const { train, test } = splitByTime(items, 0.8);
    expect(train.map((i) => i.at)).toEqual([1, 2, 3, 4]);
    expect(test.map((i) => i.at)).toEqual([5]);
    expect(splitByTime(items, 0).train).toEqual([]);
    expect(splitByTime(items, 1).test).toEqual([]);
  });

  it('scores always suggesting the most frequent past target', () => {
    const train = [
      ...times(3, () => example('a', null, {})),
      example('b', null, {}),
      example('a', 'u1', {}),
    ];
    const test = [
      example('a', null, {}),
      example('a', 'u1', {}),
      example('b', null, {}),
      example('a', null, {}),
    ];
    expect(majorityBaseline(train, test)).toBe(0.5);
    expect(majorityBaseline([], test)).toBe(0);
  });

  it('counts a target as found in the top 1 or the top 3, and the agency apart from the unit', () => {
    const model = trainRoutingModel([
      ...times(6, () => example('pupr', 'u1', { categoryId: 'cat-jalan', title: 'Jalan rusak' })),
      ...times(3, () => example('pupr', null, { categoryId: 'cat-jalan', title: 'Jalan rusak' })),
      ...times(6, () => example('dinkes', null, { categoryId: 'cat-obat', title: 'Obat habis' })),
    ]);
    const evaluation = evaluateRouting(model, [
      // First suggestion pupr/u1: right.
      {
        report: routingReport({ categoryId: 'cat-jalan', title: 'Jalan rusak' }),
        target: { agencyId: 'pupr', unitId: 'u1' },
      },
      // Right office, second suggestion.
      {
        report: routingReport({ categoryId: 'cat-jalan', title: 'Jalan rusak' }),
        target: { agencyId: 'pupr', unitId: null },
      },
      // An office the model never saw: found nowhere.
      {
        report: routingReport({ categoryId: 'cat-obat', title: 'Obat habis' }),
        target: { agencyId: 'dinsos', unitId: null },
      },
      {
        report: routingReport({ categoryId: 'cat-obat', title: 'Obat habis' }),
        target: { agencyId: 'dinkes', unitId: null },
      },
    ]);
    expect(evaluation).toMatchObject({ cases: 4, top1: 0.5, top3: 0.75, agencyTop1: 0.75 });
    expect(evaluation.meanTop1Confidence).toBeGreaterThan(0.5);
    expect(evaluation.meanTop1Confidence).toBeLessThanOrEqual(1);
  });
});
