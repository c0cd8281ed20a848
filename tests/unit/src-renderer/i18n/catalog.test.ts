import { describe, expect, it } from 'vitest';
import { catalogEn } from '../../../../src-renderer/i18n/catalog-en';
import { catalogId } from '../../../../src-renderer/i18n/catalog-id';
import { translate } from '../../../../src-renderer/i18n/i18n';
import { reportStatuses, reportStatusLabelKey } from '../../../../src-shared/domain/report-status';

describe('i18n catalogues', () => {
  it('gives English every key of the Indonesian catalogue and nothing else', () => {
    expect(Object.keys(catalogEn).sort()).toEqual(Object.keys(catalogId).sort());
  });

  it('uses the same placeholders in both languages for every message', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(catalogId) as (keyof typeof catalogId)[]) {
      expect(placeholders(catalogEn[key]), key).toEqual(placeholders(catalogId[key]));
    }
  });

  it('has no empty message', () => {
    for (const text of [...Object.values(catalogId), ...Object.values(catalogEn)]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('id', 'shell.signedInAs', { name: 'Siti' })).toBe('Masuk sebagai Siti');
    expect(translate('en', 'statusBar.pending', { count: 3 })).toBe('3 waiting to send');
    expect(translate('id', 'shell.signedInAs')).toBe('Masuk sebagai {name}');
  });

  it('labels every report status of the domain', () => {
    for (const status of reportStatuses) {
      expect(Object.keys(catalogId)).toContain(reportStatusLabelKey(status));
    }
    expect(catalogId['status.in_progress']).toBe('Terdisposisi, Sedang Diproses');
  });

  it('names the queues with the SP4N-LAPOR! status labels', () => {
    expect(catalogId['queue.unverified']).toBe('Belum Terverifikasi');
    expect(catalogId['queue.disposed']).toBe('Belum Ditindaklanjuti');
    expect(catalogId['queue.responded']).toBe('Ditindaklanjuti');
    expect(catalogId['queue.not_authority']).toBe('Bukan Wewenang');
  });
});
