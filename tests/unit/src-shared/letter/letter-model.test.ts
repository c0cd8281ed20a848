import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNER_TITLE,
  defaultLetterNumber,
  effectiveLetterhead,
  isLetterReady,
  letterDefaults,
  letterFieldProblems,
  letterFileName,
  letterIssuer,
  letterModel,
  letterParagraphs,
  letterReadyResponses,
  letterRecipient,
  type LetterFields,
} from '../../../../src-shared/letter/letter-model';
import {
  agency,
  agencies,
  approved,
  agencyMap,
  dinkes,
  draft,
  kota,
  letterhead,
  liaison,
  operator,
  PNG_LOGO,
  PUBLISHED_AT,
  published,
  report,
  source,
  yankes,
} from './letter-fixtures';

const HOUR = 3_600_000;

function fieldsOf(overrides: Partial<LetterFields> = {}): LetterFields {
  return { ...letterDefaults(source()), ...overrides };
}

describe('which responses make a letter', () => {
  it('offers approved and published responses, newest first, never drafts or returned ones', () => {
    const older = published({ id: 'resp-old', publishedAt: PUBLISHED_AT - 48 * HOUR });
    const approvedOnly = approved({ id: 'resp-approved', reviewedAt: PUBLISHED_AT + HOUR });
    const responses = [older, draft(), approvedOnly, published()];

    expect(letterReadyResponses(responses).map((r) => r.id)).toEqual([
      'resp-approved',
      'resp-1',
      'resp-old',
    ]);
    expect(isLetterReady(draft())).toBe(false);
    expect(isLetterReady(draft({ state: 'submitted', submittedAt: 1 } as never))).toBe(false);
  });
});

describe('letterIssuer', () => {
  it('is the office for a response written in one of its units', () => {
    expect(letterIssuer(yankes.id, agencies)?.id).toBe(dinkes.id);
  });

  it('is the agency itself when it is not a unit', () => {
    expect(letterIssuer(dinkes.id, agencies)?.id).toBe(dinkes.id);
    expect(letterIssuer(kota.id, agencies)?.id).toBe(kota.id);
  });

  it('is unknown for an agency this client does not know', () => {
    expect(letterIssuer('somewhere-else', agencies)).toBeNull();
  });
});

describe('effectiveLetterhead', () => {
  it("takes the region's emblem and city for an office that sets none, but not its address", () => {
    const head = effectiveLetterhead(dinkes, agencies);
    expect(head.logo).toBe(PNG_LOGO);
    expect(head.city).toBe('Sukamaju');
    expect(head.own?.address).toContain('Jalan Merdeka No. 12');
  });

  it('has no letterhead of its own for an agency whose settings have none', () => {
    const bare = agency('bare', null, 'Dinas Tanpa Kop', 'opd');
    expect(effectiveLetterhead(bare, agencyMap(bare))).toEqual({ own: null, logo: null, city: '' });
  });
});

describe('letterDefaults', () => {
  it('dates the letter on the day of publication in the agency time zone, numbered for that month', () => {
    // 30 November 18:30 UTC is already 1 December in WIB.
    const fields = letterDefaults(source());
    expect(fields.date).toBe('2026-12-01');
    expect(fields.number).toBe('B/1916449/DINKES/XII/2026');
  });

  it('counts the day in the time zone of the issuing agency, not UTC', () => {
    const early = published({ publishedAt: Date.UTC(2026, 10, 30, 16, 30) });
    // 23:30 in WIB is still 30 November; 01:30 the next day in WIT.
    expect(letterDefaults(source({ response: early })).date).toBe('2026-11-30');
    const eastern = agencyMap(kota, { ...dinkes, timeZone: 'WIT' }, yankes);
    const fields = letterDefaults(source({ response: early, agencies: eastern }));
    expect(fields.date).toBe('2026-12-01');
    expect(fields.number).toBe('B/1916449/DINKES/XII/2026');
  });

  it('is signed by the liaison who published it, with the title their agency sets', () => {
    const fields = letterDefaults(source());
    expect(fields.signerName).toBe(liaison.displayName);
    expect(fields.signerTitle).toBe('Pejabat Penghubung Kota Sukamaju');
    expect(fields.signerNip).toBe('');
    expect(fields.attachment).toBe('-');
    expect(fields.subject).toBe('Tindak Lanjut Laporan Nomor 1916449');
  });

  it('is signed by the approving liaison, dated the approval, when not yet published', () => {
    const approvedOnly = approved({
      reviewedById: operator.id,
      reviewedAt: Date.UTC(2027, 0, 4, 3),
    });
    const fields = letterDefaults(source({ response: approvedOnly }));
    expect(fields.signerName).toBe(operator.displayName);
    expect(fields.date).toBe('2027-01-04');
    expect(fields.number).toBe('B/1916449/DINKES/I/2027');
  });

  it('falls back to the default title, an empty signer and the agency id as code when nothing is set', () => {
    const bare = agency('dinas-x', null, 'Dinas X', 'opd');
    const fields = letterDefaults(
      source({
        response: published({ agencyId: 'dinas-x', publishedById: 'user-gone' }),
        agencies: agencyMap(bare),
      }),
    );
    expect(fields.signerTitle).toBe(DEFAULT_SIGNER_TITLE);
    expect(fields.signerName).toBe('');
    expect(fields.number).toBe('B/1916449/DINAS-X/XII/2026');
  });

  it("uses the issuing agency's own number pattern", () => {
    const patterned = {
      ...dinkes,
      settings: {
        ...dinkes.settings,
        letterhead: letterhead({ code: 'DINKES', numberPattern: '400.7/{nomor}/{kode}/{tahun}' }),
      },
    };
    const s = source({ agencies: agencyMap(kota, patterned, yankes) });
    expect(defaultLetterNumber(s, '2026-03-02')).toBe('400.7/1916449/DINKES/2026');
  });
});

describe('letterFieldProblems', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(letterFieldProblems(fieldsOf())).toEqual([]);
  });

  it('names blank required fields, a date that is no day and text over the limit', () => {
    const problems = letterFieldProblems(
      fieldsOf({ number: '  ', date: '2026-02-30', signerName: '', signerNip: '1'.repeat(31) }),
    );
    expect(problems).toEqual([
      { field: 'number', problem: 'required' },
      { field: 'date', problem: 'invalid-date' },
      { field: 'signerName', problem: 'required' },
      { field: 'signerNip', problem: 'too-long' },
    ]);
  });

  it('lets the attachment line and the NIP stay blank', () => {
    expect(letterFieldProblems(fieldsOf({ attachment: '', signerNip: '' }))).toEqual([]);
  });
});

describe('letterRecipient', () => {
  it('greets a named reporter by name', () => {
    expect(letterRecipient(report())).toBe('Bapak/Ibu Warga Teladan');
  });

  it('never names an anonymous reporter, even when this client holds the name', () => {
    const anonymous = report({ privacy: { rahasia: false, anonim: true } });
    expect(letterRecipient(anonymous)).toBe('Bapak/Ibu Pelapor');
  });

  it('uses the neutral form when the identity was withheld from this client', () => {
    expect(letterRecipient(report({ reporter: null }))).toBe('Bapak/Ibu Pelapor');
  });
});

describe('letterParagraphs', () => {
  it('splits at blank lines and keeps single line breaks inside a paragraph', () => {
    expect(letterParagraphs('\r\nSatu\r\ndua\r\n\r\n  \nTiga  \n\n\n')).toEqual([
      ['Satu', 'dua'],
      ['Tiga'],
    ]);
  });

  it('has no paragraphs for an empty body', () => {
    expect(letterParagraphs('  \n ')).toEqual([]);
  });
});

describe('letterModel', () => {
  it('resolves the letterhead, the place and Indonesian date, the recipient and the signer', () => {
    const model = letterModel(source(), fieldsOf({ signerNip: '19700101 199003 1 001' }));

    expect(model).toMatchObject({
      ok: true,
      value: {
        letterhead: {
          government: 'PEMERINTAH KOTA SUKAMAJU',
          agencyName: 'DINAS KESEHATAN KOTA SUKAMAJU',
          addressLines: ['Jalan Merdeka No. 12', 'Sukamaju 43111'],
          contact:
            'Telepon (0266) 221234, Pos-el dinkes@sukamajukota.go.id, Laman dinkes.sukamajukota.go.id',
          logo: PNG_LOGO,
        },
        placeAndDate: 'Sukamaju, 1 Desember 2026',
        number: 'B/1916449/DINKES/XII/2026',
        attachment: '-',
        subject: 'Tindak Lanjut Laporan Nomor 1916449',
        recipient: 'Bapak/Ibu Warga Teladan',
        paragraphs: [
          ['Terima kasih atas laporan Bapak/Ibu.'],
          ['Petugas telah menambah loket pendaftaran.'],
        ],
        signer: {
          title: 'Pejabat Penghubung Kota Sukamaju',
          name: liaison.displayName,
          nip: '19700101 199003 1 001',
        },
      },
    });
  });

  it('writes the date the operator picked, in Indonesian', () => {
    const model = letterModel(source(), fieldsOf({ date: '2027-08-17' }));
    expect(model.ok && model.value.placeAndDate).toBe('Sukamaju, 17 Agustus 2027');
  });

  it('leaves out the NIP line when the NIP is blank and the government line for a region', () => {
    const regional = published({ agencyId: kota.id });
    const model = letterModel(source({ response: regional }), fieldsOf());
    expect(model.ok && model.value.signer.nip).toBeNull();
    expect(model.ok && model.value.letterhead.government).toBeNull();
    expect(model.ok && model.value.letterhead.agencyName).toBe('PEMERINTAH KOTA SUKAMAJU');
  });

  it('refuses fields with problems and lists them', () => {
    const model = letterModel(source(), fieldsOf({ number: '', date: 'kemarin' }));
    expect(model).toMatchObject({
      ok: false,
      error: {
        code: 'letter/invalid-fields',
        problems: [
          { field: 'number', problem: 'required' },
          { field: 'date', problem: 'invalid-date' },
        ],
      },
    });
  });

  it('refuses a response whose agency is unknown here', () => {
    const model = letterModel(
      source({ response: published({ agencyId: 'elsewhere' }) }),
      fieldsOf(),
    );
    expect(model).toMatchObject({ ok: false, error: { code: 'letter/unknown-agency' } });
  });
});

describe('letterFileName', () => {
  it('names the PDF after the report', () => {
    expect(letterFileName(report())).toBe('Surat-Tindak-Lanjut-1916449.pdf');
  });
});
