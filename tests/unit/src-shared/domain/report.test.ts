import { describe, expect, it } from 'vitest';
import { ReportSchema, reportLocationId } from '../../../../src-shared/domain/report';
import { makeReport } from './domain-fixtures';

function issuesOf(value: unknown): string[] {
  const result = ReportSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('ReportSchema', () => {
  it('accepts a complete report', () => {
    const report = makeReport();
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  it('accepts an anonymous report whose reporter was withheld', () => {
    const anonymous = makeReport({ privacy: { rahasia: true, anonim: true }, reporter: null });
    expect(issuesOf(anonymous)).toEqual([]);
  });

  it('rejects a report without its reporter unless it is anonymous', () => {
    expect(issuesOf(makeReport({ reporter: null }))).toEqual(['reporter']);
  });

  it('keeps rahasia and anonim independent', () => {
    const hiddenButNamed = makeReport({ privacy: { rahasia: true, anonim: false } });
    expect(issuesOf(hiddenButNamed)).toEqual([]);
  });

  it('sets pausedAt exactly while the report is pending_info', () => {
    expect(issuesOf(makeReport({ status: 'pending_info' }))).toEqual(['pausedAt']);
    expect(issuesOf(makeReport({ status: 'unverified', pausedAt: 1 }))).toEqual(['pausedAt']);
    expect(issuesOf(makeReport({ status: 'pending_info', pausedAt: 1 }))).toEqual([]);
  });

  it('names the original of a report archived as a duplicate', () => {
    const archived = makeReport({ status: 'archived', archiveReason: 'duplicate' });
    expect(issuesOf(archived)).toEqual(['duplicateOf']);
    expect(issuesOf({ ...archived, duplicateOf: '1916400' })).toEqual([]);
  });

  it('rejects tracking ids, NIKs and region codes that are not in their official shape', () => {
    expect(issuesOf(makeReport({ trackingId: 'LAP-1916449' }))).toEqual(['trackingId']);
    const badNik = makeReport({ reporter: { name: 'Budi', nik: '12345' } });
    expect(issuesOf(badNik)).toEqual(['reporter.nik']);
    const goodNik = makeReport({ reporter: { name: 'Budi', nik: '3273012501900001' } });
    expect(issuesOf(goodNik)).toEqual([]);
    expect(issuesOf(makeReport({ location: { text: 'Bandung', regionCode: 'JB' } }))).toEqual([
      'location.regionCode',
    ]);
  });

  it('rejects an attachment name that is a path', () => {
    const attachment = {
      id: 'a-1',
      fileName: '../../etc/passwd',
      mimeType: 'image/jpeg',
      sizeBytes: 10,
    };
    expect(issuesOf(makeReport({ attachments: [attachment] }))).toEqual(['attachments.0.fileName']);
  });

  it('rejects fields it does not know, so a typo in a sync payload is caught at the edge', () => {
    expect(issuesOf({ ...makeReport(), statuss: 'unverified' })).toEqual(['']);
  });

  it('rejects timestamps that are not whole epoch milliseconds', () => {
    expect(issuesOf(makeReport({ createdAt: 1.5 }))).toEqual(['createdAt']);
    expect(issuesOf({ ...makeReport(), createdAt: '2025-02-03T09:00:00Z' })).toEqual(['createdAt']);
  });
});

describe('reportLocationId', () => {
  it('places a report at its unit when it has one, else at its agency', () => {
    expect(reportLocationId({ agencyId: 'dinkes', unitId: 'dinkes-yankes' })).toBe('dinkes-yankes');
    expect(reportLocationId({ agencyId: 'dinkes', unitId: null })).toBe('dinkes');
  });
});
