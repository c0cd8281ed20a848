import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Command,
  CommandGroup,
} from '../../../../../src-renderer/features/commands/command-registry';
import {
  foldForSearch,
  fuzzyMatch,
  rankCommands,
} from '../../../../../src-renderer/features/commands/fuzzy-match';

const command = (
  id: string,
  label: string,
  group: CommandGroup = 'navigation',
  keywords: readonly string[] = [],
): Command => ({ id, label, group, keywords, run: () => undefined });

/** A target and a subsequence of its characters (by code point), in order. */
const targetAndSubsequence = fc
  .string({ unit: 'grapheme-composite', minLength: 1, maxLength: 40 })
  .chain((target) => {
    const chars = Array.from(target);
    return fc
      .array(fc.boolean(), { minLength: chars.length, maxLength: chars.length })
      .map((keep) => ({ target, query: chars.filter((_, i) => keep[i] === true).join('') }));
  });

describe('fuzzy matching', () => {
  it('matches every subsequence of a text (property)', () => {
    fc.assert(
      fc.property(targetAndSubsequence, ({ target, query }) => {
        const match = fuzzyMatch(query, target);
        expect(match).not.toBeNull();
        // The positions are ascending and inside the text.
        const positions = match?.positions ?? [];
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        for (const p of positions) expect(p).toBeLessThan(target.length);
      }),
      { numRuns: 500 },
    );
  });

  it('matches what is typed upper-case or with accents, and ignores spaces in the query', () => {
    expect(fuzzyMatch('BELUM', 'Belum Terverifikasi')).not.toBeNull();
    expect(fuzzyMatch('resume', 'Résumé harian')).not.toBeNull();
    expect(fuzzyMatch('Résumé', 'resume harian')).not.toBeNull();
    expect(fuzzyMatch('belum ter', 'BelumTerverifikasi')).not.toBeNull();
    expect(foldForSearch('Ÿoğurt ÉTÉ')).toBe('yogurt ete');
  });

  it('refuses text that lacks the letters in that order', () => {
    expect(fuzzyMatch('bt', 'Belum Terverifikasi')).not.toBeNull();
    expect(fuzzyMatch('tb', 'Belum Terverifikasi')).toBeNull();
    expect(fuzzyMatch('xyz', 'Belum Terverifikasi')).toBeNull();
    expect(fuzzyMatch('arsipkan!', 'Arsipkan')).toBeNull();
  });

  it('ranks letters at word starts above the same letters inside words', () => {
    const wordStarts = fuzzyMatch('bt', 'Belum Terverifikasi');
    const inside = fuzzyMatch('bt', 'Laporan berikutnya');
    expect(wordStarts?.positions).toEqual([0, 6]);
    expect(wordStarts?.score ?? 0).toBeGreaterThan(inside?.score ?? Infinity);
  });

  it('prefers an unbroken run to scattered letters', () => {
    const run = fuzzyMatch('arsip', 'Arsipkan');
    const scattered = fuzzyMatch('arsip', 'Alasan rekam surat ipa');
    expect(run?.positions).toEqual([0, 1, 2, 3, 4]);
    expect(run?.score ?? 0).toBeGreaterThan(scattered?.score ?? Infinity);
  });

  it('finds the best placement, not the first one (word starts later in the text)', () => {
    // Greedy matching would take the `t` of "Status"; the best is "Tunda".
    expect(fuzzyMatch('t', 'Status Tunda')?.positions).toEqual([7]);
  });
});

describe('ranking commands', () => {
  const commands = [
    command('list.next', 'Laporan berikutnya'),
    command('queue.unverified', 'Belum Terverifikasi', 'navigation', ['antrean']),
    command('report.archive', 'Arsipkan', 'report'),
    command('bulk.archive', 'Arsipkan', 'bulk'),
    command('app.palette', 'Palet perintah', 'app'),
  ];

  it('lists everything in group order for an empty query', () => {
    expect(rankCommands(commands, '').map((r) => r.command.id)).toEqual([
      'bulk.archive',
      'report.archive',
      'list.next',
      'queue.unverified',
      'app.palette',
    ]);
  });

  it('puts the best match first and breaks ties by group', () => {
    expect(rankCommands(commands, 'bt')[0]?.command.id).toBe('queue.unverified');
    expect(rankCommands(commands, 'arsip').map((r) => r.command.id)).toEqual([
      'bulk.archive',
      'report.archive',
    ]);
  });

  it('finds commands by keyword and by id, below label matches', () => {
    expect(rankCommands(commands, 'antrean').map((r) => r.command.id)).toEqual([
      'queue.unverified',
    ]);
    const byId = rankCommands(commands, 'palette');
    expect(byId.map((r) => r.command.id)).toEqual(['app.palette']);
    expect(byId[0]?.labelPositions).toEqual([]);
  });
});
