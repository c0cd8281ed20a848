// The letterhead in agency settings: optional, so settings stored before letters existed parse,
// and never able to cost an agency its deadlines when it is damaged.
import { describe, expect, it } from 'vitest';
import {
  AgencySettingsSchema,
  DEFAULT_LETTER_NUMBER_PATTERN,
  MAX_LETTERHEAD_LOGO_CHARS,
} from '../../../../src-shared/domain/agency';
import { demoAgencies, demoLetterheads } from '../../../../src-server/seed/demo-directory';
import { PNG_LOGO } from './letter-fixtures';

describe('the letterhead setting', () => {
  it('is absent from settings stored before letters existed', () => {
    const settings = AgencySettingsSchema.parse({ resolutionDays: 21 });
    expect(settings).toEqual({
      resolutionDays: 21,
      adminsMayPublish: false,
      pendingInfoWaitDays: 10,
    });
    expect('letterhead' in settings).toBe(false);
  });

  it('fills every field an agency leaves out', () => {
    const settings = AgencySettingsSchema.parse({ letterhead: { address: 'Jalan Merdeka No. 1' } });
    expect(settings.letterhead).toEqual({
      address: 'Jalan Merdeka No. 1',
      city: '',
      phone: '',
      email: '',
      website: '',
      logo: null,
      code: '',
      numberPattern: DEFAULT_LETTER_NUMBER_PATTERN,
      signerTitle: '',
    });
  });

  it('keeps a PNG or JPEG logo', () => {
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
    for (const logo of [PNG_LOGO, jpeg]) {
      expect(AgencySettingsSchema.parse({ letterhead: { logo } }).letterhead?.logo).toBe(logo);
    }
  });

  it.each([
    ['an SVG, which can carry script', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['a remote image', 'https://pemda.example.go.id/logo.png'],
    ['a data URL with markup in it', 'data:image/png;base64,AAAA"><script>'],
    [
      'a logo over the size limit',
      `data:image/png;base64,${'A'.repeat(MAX_LETTERHEAD_LOGO_CHARS)}`,
    ],
  ])('drops %s but keeps the rest of the letterhead', (_what, logo) => {
    const settings = AgencySettingsSchema.parse({ letterhead: { address: 'Jalan A', logo } });
    expect(settings.letterhead?.logo).toBeNull();
    expect(settings.letterhead?.address).toBe('Jalan A');
  });

  it('drops a damaged letterhead, never the deadlines next to it', () => {
    const settings = AgencySettingsSchema.parse({
      resolutionDays: 21,
      letterhead: { address: 42, unknown: true },
    });
    expect(settings.resolutionDays).toBe(21);
    expect(settings.letterhead).toBeUndefined();
  });
});

describe('the demo letterheads', () => {
  it('belong to demo agencies that are governments or offices, never units', () => {
    const byId = new Map(demoAgencies().map((a) => [a.id, a]));
    for (const id of Object.keys(demoLetterheads)) {
      expect(byId.get(id)?.level, id).toMatch(/^(province|regency_city|opd)$/);
    }
    const withoutOwn = demoAgencies().filter(
      (a) => a.level !== 'unit' && a.settings.letterhead === undefined,
    );
    expect(withoutOwn.map((a) => a.id)).toEqual([]);
  });

  it('survive the settings schema unchanged, emblem included', () => {
    for (const agency of demoAgencies()) {
      const stored = JSON.parse(JSON.stringify(agency.settings)) as unknown;
      expect(AgencySettingsSchema.parse(stored), agency.id).toEqual(agency.settings);
    }
    expect(demoLetterheads['kota-sukamaju']?.logo).toMatch(/^data:image\/png;base64,/);
  });
});
