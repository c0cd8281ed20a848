import { describe, expect, it } from 'vitest';
import { indonesianHolidays } from '../../../../src-shared/domain/holidays-id';
import { ReportSchema } from '../../../../src-shared/domain/report';
import { reportStatuses } from '../../../../src-shared/domain/report-status';
import { createSlaCalendar, timeToBreach } from '../../../../src-shared/domain/sla-calendar';
import {
  generateReports,
  demoWorld,
  type GeneratedReport,
} from '../../../../src-server/seed/generator';
import { historyProblems } from './generated-history';

const calendar = createSlaCalendar(indonesianHolidays);
const world = demoWorld(calendar);
/** Monday 24 November 2025, 10:00 WIB. */
const NOW = Date.UTC(2025, 10, 24, 3, 0, 0);
const trackingIds = (count: number, first = 1_900_001) =>
  Array.from({ length: count }, (_, i) => String(first + i));

function generate(count: number, seedValue = 42): GeneratedReport[] {
  return generateReports(world, { seedValue, now: NOW }, trackingIds(count));
}

// One sample shared by the tests that only read it.
const sample = generate(1500);

describe('the synthetic complaint generator', () => {
  it('generates the same reports from the same seed value', () => {
    expect(generate(200, 7)).toEqual(generate(200, 7));
  });

  it('generates different reports from a different seed value', () => {
    const a = generate(50, 7).map((g) => g.report.title + g.report.body);
    const b = generate(50, 8).map((g) => g.report.title + g.report.body);
    expect(a.filter((text, i) => text === b[i]).length).toBeLessThan(5);
  });

  it('produces reports that parse with ReportSchema', () => {
    const failures = sample.filter((g) => !ReportSchema.safeParse(g.report).success);
    expect(failures.map((g) => g.report.trackingId)).toEqual([]);
  });

  it('gives every report a history the shared workflow table accepts, ending in its state', () => {
    const problems = sample.flatMap((g) => historyProblems(g, calendar, NOW));
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('has a history check that notices a history the workflow would not allow', () => {
    const completed = sample.find((g) => g.report.status === 'completed');
    if (completed === undefined) throw new Error('no completed report in the sample');
    const wrongActor: GeneratedReport = {
      ...completed,
      auditEvents: completed.auditEvents.map((e, i) =>
        i === 0
          ? {
              ...e,
              actor: {
                kind: 'user',
                id: 'x',
                role: 'pimpinan',
                agencyId: e.actor.kind === 'user' ? e.actor.agencyId : 'x',
              },
            }
          : e,
      ),
    };
    const wrongDeadline: GeneratedReport = {
      ...completed,
      report: { ...completed.report, status: 'in_progress', closedAt: null },
    };
    expect(historyProblems(completed, calendar, NOW)).toEqual([]);
    expect(historyProblems(wrongActor, calendar, NOW).join()).toContain('refused by the workflow');
    expect(historyProblems(wrongDeadline, calendar, NOW).join()).toContain('status is in_progress');
  });

  it('covers every status, with the rows each one implies', () => {
    const byStatus = new Map(
      reportStatuses.map((s) => [s, sample.filter((g) => g.report.status === s)]),
    );
    for (const status of reportStatuses)
      expect(byStatus.get(status)?.length ?? 0).toBeGreaterThan(0);
    for (const status of ['disposed', 'in_progress', 'responded', 'completed'] as const) {
      for (const g of byStatus.get(status) ?? []) {
        expect(g.dispositions.length).toBeGreaterThan(0);
        expect(g.report.disposedAt).toBe(g.dispositions.at(-1)?.at);
        expect(g.report.agencyId).toBe(g.dispositions.at(-1)?.toAgencyId);
      }
    }
    for (const status of ['responded', 'completed'] as const) {
      for (const g of byStatus.get(status) ?? []) {
        const publishedAt = g.responses.flatMap((r) =>
          r.state === 'published' ? [r.publishedAt] : [],
        );
        expect(publishedAt).toContain(g.report.respondedAt);
        expect(g.auditEvents.some((e) => e.action === 'publish_response')).toBe(true);
      }
    }
    for (const g of sample) {
      expect(g.report.pausedAt !== null).toBe(g.report.status === 'pending_info');
      expect(g.auditEvents.at(-1)?.to ?? 'unverified').toBe(g.report.status);
    }
  });

  it('keeps every timestamp at or before now and spreads arrivals over about six months', () => {
    const created = sample.map((g) => g.report.createdAt);
    expect(Math.max(...sample.map((g) => g.report.updatedAt))).toBeLessThanOrEqual(NOW);
    expect(NOW - Math.min(...created)).toBeGreaterThan(150 * 86_400_000);
    expect(NOW - Math.min(...created)).toBeLessThan(190 * 86_400_000);
  });

  it('fills the queues with overdue, due-today and on-track reports', () => {
    const states = new Set(sample.map((g) => timeToBreach(g.report, NOW, calendar).state));
    expect([...states].sort()).toEqual([
      'due_today',
      'no_deadline',
      'on_track',
      'overdue',
      'paused',
    ]);
  });

  it('never writes an anonymous reporter into the report text', () => {
    const anonymous = sample.filter((g) => g.report.privacy.anonim);
    expect(anonymous.length).toBeGreaterThan(100);
    for (const g of anonymous) {
      const { reporter, ...doc } = g.report;
      const text = JSON.stringify([doc, g.responses, g.notes, g.messages, g.auditEvents]);
      expect(reporter).not.toBeNull();
      expect(text).not.toContain(reporter?.name);
      if (reporter?.nik !== undefined) expect(text).not.toContain(reporter.nik);
      if (reporter?.phone !== undefined) expect(text).not.toContain(reporter.phone);
    }
    // Named reports do sometimes sign with the name: the check above is not vacuous.
    const signed = sample.filter(
      (g) =>
        !g.report.privacy.anonim && g.report.body.includes(g.report.reporter?.name ?? '\u0000'),
    );
    expect(signed.length).toBeGreaterThan(0);
  });

  it('writes varied Indonesian bodies averaging about 1.5 KB', () => {
    const lengths = sample.map((g) => g.report.body.length);
    const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(average).toBeGreaterThan(1_200);
    expect(average).toBeLessThan(1_900);
    expect(Math.min(...lengths)).toBeLessThan(400);
    expect(Math.max(...lengths)).toBeGreaterThan(2_500);
    expect(sample.some((g) => /jalan|KTP-el|sampah|BPJS/i.test(g.report.title))).toBe(true);
    expect(sample.every((g) => !/\{[a-z_]+\}/.test(g.report.title + g.report.body))).toBe(true);
  });

  it('gives reporters 16-digit NIKs that start with their district code', () => {
    for (const g of sample.slice(0, 300)) {
      const nik = g.report.reporter?.nik ?? '';
      expect(nik).toMatch(/^99\d{14}$/);
    }
  });

  it('spreads reports over all time zones, channels, types and privacy flags', () => {
    expect(new Set(sample.map((g) => g.report.timeZone))).toEqual(new Set(['WIB', 'WITA', 'WIT']));
    expect(new Set(sample.map((g) => g.report.channel)).size).toBe(8);
    expect(new Set(sample.map((g) => g.report.type)).size).toBe(3);
    expect(sample.some((g) => g.report.privacy.rahasia)).toBe(true);
    expect(sample.some((g) => g.report.attachments.length > 0)).toBe(true);
  });

  it('archives duplicates naming an earlier report', () => {
    const duplicates = sample.filter((g) => g.report.archiveReason === 'duplicate');
    expect(duplicates.length).toBeGreaterThan(0);
    for (const g of duplicates) {
      expect(Number(g.report.duplicateOf)).toBeLessThan(Number(g.report.trackingId));
    }
  });
});
