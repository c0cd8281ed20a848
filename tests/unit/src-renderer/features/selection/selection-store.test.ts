import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  rangeBetween,
  rangeToIndex,
} from '../../../../../src-renderer/features/selection/range-selection';
import {
  initialSelectionState,
  selectIsSelected,
  selectSelectedCount,
  useSelectionStore,
} from '../../../../../src-renderer/features/selection/selection-store';

const store = () => useSelectionStore.getState();

beforeEach(() => {
  useSelectionStore.setState(initialSelectionState());
});

describe('selection store', () => {
  it('toggles a report in and out and makes it the anchor', () => {
    store().toggle('a');
    store().toggle('b');
    expect([...store().ids]).toEqual(['a', 'b']);
    expect(store().anchorId).toBe('b');
    store().toggle('a');
    expect([...store().ids]).toEqual(['b']);
    expect(store().anchorId).toBe('a');
    expect(selectSelectedCount(store())).toBe(1);
    expect(selectIsSelected('b')(store())).toBe(true);
  });

  it('adds a range without moving the anchor, and replaces with a new set', () => {
    store().toggle('a');
    const before = store().ids;
    store().addRange(['a', 'b', 'c']);
    expect([...store().ids]).toEqual(['a', 'b', 'c']);
    expect(store().anchorId).toBe('a');
    // A new set on every change: selectors see it.
    expect(store().ids).not.toBe(before);
    store().replace(['x', 'y']);
    expect([...store().ids]).toEqual(['x', 'y']);
    expect(store().anchorId).toBe('x');
  });

  it('removes reports, dropping the anchor with them, and clears', () => {
    store().addRange(['a', 'b']);
    store().toggle('c');
    store().remove(['c']);
    expect([...store().ids]).toEqual(['a', 'b']);
    expect(store().anchorId).toBeNull();
    const unchanged = store().ids;
    store().remove(['zz']);
    expect(store().ids).toBe(unchanged);
    store().clear();
    expect(store().ids.size).toBe(0);
  });
});

/** A list of distinct ids and two positions in it. */
const listAndTwoPositions = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 60 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      anchor: fc.nat({ max: ids.length - 1 }),
      target: fc.nat({ max: ids.length - 1 }),
    }),
  );

describe('range selection', () => {
  it('is the slice of the list between anchor and target, either way round (property)', () => {
    fc.assert(
      fc.property(listAndTwoPositions, ({ ids, anchor, target }) => {
        const expected = ids.slice(Math.min(anchor, target), Math.max(anchor, target) + 1);
        const anchorId = ids[anchor] ?? '';
        const targetId = ids[target] ?? '';
        expect(rangeBetween(ids, anchorId, targetId)).toEqual(expected);
        expect(rangeToIndex(ids, anchorId, target)).toEqual(expected);
        expect(rangeBetween(ids, targetId, anchorId)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is the target alone when the anchor left the list, and empty for a target not in it', () => {
    const ids = ['a', 'b', 'c'];
    expect(rangeBetween(ids, 'gone', 'b')).toEqual(['b']);
    expect(rangeBetween(ids, 'a', 'gone')).toEqual([]);
    expect(rangeToIndex(ids, 'a', 3)).toEqual([]);
    expect(rangeToIndex(ids, 'c', 0)).toEqual(['a', 'b', 'c']);
  });
});
