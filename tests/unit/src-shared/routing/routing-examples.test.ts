import { describe, expect, it } from 'vitest';
import type { ParentPointer } from '../../../../src-shared/domain/parent-tree';
import type { ReportStatus } from '../../../../src-shared/domain/report-status';
import {
  examplesFromHistory,
  type HistoryDisposition,
} from '../../../../src-shared/routing/routing-examples';
import { routingFeatures } from '../../../../src-shared/routing/routing-features';
import { routingReport } from './routing-fixtures';

/** province → city → (dinkes → unit, pupr); and a neighbouring province with its own office. */
const agencies: ReadonlyMap<string, ParentPointer> = new Map([
  ['prov', { parentId: null }],
  ['kota', { parentId: 'prov' }],
  ['dinkes', { parentId: 'kota' }],
  ['dinkes-u1', { parentId: 'dinkes' }],
  ['pupr', { parentId: 'kota' }],
  ['prov-lain', { parentId: null }],
  ['lain-dinas', { parentId: 'prov-lain' }],
]);

function report(id: string, status: ReportStatus = 'disposed', agencyId = 'dinkes') {
  return {
    ...routingReport({ categoryId: 'cat-jalan', title: `Jalan rusak ${id}`, regionCode: '99.71' }),
    id,
    status,
    agencyId,
  };
}

function disposition(
  reportId: string,
  fromAgencyId: string,
  toAgencyId: string,
  at: number,
  toUnitId: string | null = null,
): HistoryDisposition {
  return { reportId, fromAgencyId, toAgencyId, toUnitId, at };
}

describe('examples from history', () => {
  it('learns from the latest disposition made in the desk subtree, oldest decision first', () => {
    const examples = examplesFromHistory({
      agencyId: 'prov',
      agencies,
      reports: [report('a'), report('b'), report('c')],
      dispositions: [
        disposition('a', 'kota', 'pupr', 50),
        // Re-disposed later, from the office that first received it: the later target counts.
        disposition('a', 'pupr', 'dinkes', 70, 'dinkes-u1'),
        disposition('b', 'prov', 'kota', 10),
        disposition('c', 'kota', 'dinkes', 30),
      ],
    });
    expect(examples.map((e) => [e.reportId, e.target, e.at])).toEqual([
      ['b', { agencyId: 'kota', unitId: null }, 10],
      ['c', { agencyId: 'dinkes', unitId: null }, 30],
      ['a', { agencyId: 'dinkes', unitId: 'dinkes-u1' }, 70],
    ]);
    expect(examples[0]?.features).toEqual(routingFeatures(report('b')));
  });

  it('ignores dispositions made outside the desk subtree and reports never disposed from it', () => {
    const examples = examplesFromHistory({
      agencyId: 'kota',
      agencies,
      reports: [report('a'), report('b'), report('c')],
      dispositions: [
        disposition('a', 'prov', 'kota', 10),
        disposition('a', 'kota', 'pupr', 20),
        // Made above the desk (the province) after the desk's own decision: not the desk's.
        disposition('a', 'prov', 'dinkes', 30),
        disposition('b', 'prov-lain', 'lain-dinas', 40),
        disposition('ghost', 'kota', 'pupr', 50),
      ],
    });
    expect(examples.map((e) => [e.reportId, e.target.agencyId])).toEqual([['a', 'pupr']]);
  });

  it('leaves out a report still held by the target that returned it as not within authority', () => {
    const examples = examplesFromHistory({
      agencyId: 'prov',
      agencies,
      reports: [
        report('declined', 'not_authority', 'pupr'),
        report('rerouted', 'disposed', 'dinkes'),
      ],
      dispositions: [
        disposition('declined', 'kota', 'pupr', 10),
        disposition('rerouted', 'kota', 'pupr', 10),
        disposition('rerouted', 'kota', 'dinkes', 20),
      ],
    });
    expect(examples.map((e) => [e.reportId, e.target.agencyId])).toEqual([['rerouted', 'dinkes']]);
  });

  it('finds nothing for a desk the agency tree does not know', () => {
    const examples = examplesFromHistory({
      agencyId: 'unknown',
      agencies,
      reports: [report('a')],
      dispositions: [disposition('a', 'kota', 'pupr', 10)],
    });
    expect(examples).toEqual([]);
  });
});
