import { describe, expect, it } from 'vitest';
import { createPrng, weightedTable } from '../../../../src-server/seed/prng';

describe('the seeded generator of random numbers', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, createPrng(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers within both bounds', () => {
    const prng = createPrng(5);
    const values = new Set(Array.from({ length: 2000 }, () => prng.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it('follows the weights of a table roughly', () => {
    const prng = createPrng(9);
    const table = weightedTable([
      ['a', 1],
      ['b', 3],
    ] as const);
    const draws = Array.from({ length: 8000 }, () => prng.draw(table));
    const share = draws.filter((d) => d === 'b').length / draws.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    expect(prng.weighted([['only', 1]])).toBe('only');
  });

  it('samples distinct elements and never more than there are', () => {
    const prng = createPrng(3);
    const sample = prng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(prng.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });
});
