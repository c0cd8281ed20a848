// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  LETTER_CONTENT_SECURITY_POLICY,
  letterHtml,
} from '../../../../src-shared/letter/letter-html';
import {
  letterDefaults,
  letterModel,
  type LetterFields,
  type LetterModel,
  type LetterSource,
} from '../../../../src-shared/letter/letter-model';
import {
  agencyMap,
  dinkes,
  kota,
  letterhead,
  liaison,
  PNG_LOGO,
  published,
  report,
  source,
  yankes,
} from './letter-fixtures';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

function modelOf(s: LetterSource, overrides: Partial<LetterFields> = {}): LetterModel {
  const model = letterModel(s, { ...letterDefaults(s), ...overrides });
  if (!model.ok) throw new Error(model.error.message);
  return model.value;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function text(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((el) => el.textContent);
}

describe('letterHtml', () => {
  it('prints the kop surat, number block, date, salutation, body and signature', () => {
    const doc = parse(letterHtml(modelOf(source(), { signerNip: '19700101 199003 1 001' })));

    expect(text(doc, '.kop__government')).toEqual(['PEMERINTAH KOTA SUKAMAJU']);
    expect(text(doc, '.kop__agency')).toEqual(['DINAS KESEHATAN KOTA SUKAMAJU']);
    expect(text(doc, '.kop__address')).toEqual(['Jalan Merdeka No. 12', 'Sukamaju 43111']);
    expect(doc.querySelector('img.kop__logo')?.getAttribute('src')).toBe(PNG_LOGO);
    expect(text(doc, '.letter__date')).toEqual(['Sukamaju, 1 Desember 2026']);
    expect(text(doc, '.letter__meta tr').map((row) => row.replace(/\s+/g, ' '))).toEqual([
      'Nomor:B/1916449/DINKES/XII/2026',
      'Lampiran:-',
      'Perihal:Tindak Lanjut Laporan Nomor 1916449',
    ]);
    expect(text(doc, '.letter__recipient p')).toEqual([
      'Yth. Bapak/Ibu Warga Teladan',
      'di Tempat',
    ]);
    expect(text(doc, '.letter__body p')).toEqual([
      'Terima kasih atas laporan Bapak/Ibu.',
      'Petugas telah menambah loket pendaftaran.',
    ]);
    expect(text(doc, '.letter__signature p')).toEqual([
      'Pejabat Penghubung Kota Sukamaju,',
      liaison.displayName,
      'NIP. 19700101 199003 1 001',
    ]);
    expect(doc.title).toBe('Tindak Lanjut Laporan Nomor 1916449 (B/1916449/DINKES/XII/2026)');
  });

  it('is an A4 page with a policy that forbids scripts and remote loads', () => {
    const html = letterHtml(modelOf(source()));
    const doc = parse(html);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');

    expect(csp?.getAttribute('content')).toBe(LETTER_CONTENT_SECURITY_POLICY);
    expect(LETTER_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(LETTER_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|connect-src|https?:/);
    // The policy comes before anything it must govern.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).toContain('@page { size: A4;');
    expect(doc.querySelectorAll('script, link, base, iframe, object, form')).toHaveLength(0);
  });

  it('keeps hostile text in the response as text', () => {
    const hostile = published({ body: `Baris 1 ${HOSTILE}\n"kutip" & 'apostrof'` });
    const html = letterHtml(modelOf(source({ response: hostile })));
    const doc = parse(html);

    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('img')).toHaveLength(1); // the logo only
    expect(doc.querySelector('[onerror]')).toBeNull();
    // One paragraph of two lines: the line break is the only markup made of the text.
    expect(text(doc, '.letter__body p')).toEqual([`Baris 1 ${HOSTILE}"kutip" & 'apostrof'`]);
    expect(doc.querySelectorAll('.letter__body p > *')).toHaveLength(1);
    expect(doc.querySelector('.letter__body p > br')).not.toBeNull();
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escapes hostile agency settings and operator fields, quotes included', () => {
    const evil = {
      ...dinkes,
      name: `Dinas "X"><script>alert(1)</script>`,
      settings: {
        ...dinkes.settings,
        letterhead: letterhead({
          address: `Jl. "Kutip" <b>tebal</b>`,
          website: `x" onload="alert(1)`,
          code: 'DINKES',
        }),
      },
    };
    const s = source({ agencies: agencyMap(kota, evil, yankes) });
    const html = letterHtml(
      modelOf(s, { subject: '</td><script>1</script>', signerName: `A "B" <i>C</i>` }),
    );
    const doc = parse(html);

    expect(doc.querySelectorAll('script, b, i')).toHaveLength(0);
    expect(doc.querySelector('[onload]')).toBeNull();
    expect(text(doc, '.kop__agency')).toEqual([`DINAS "X"><SCRIPT>ALERT(1)</SCRIPT>`]);
    expect(text(doc, '.kop__address')).toEqual([`Jl. "Kutip" <b>tebal</b>`]);
    expect(text(doc, '.letter__signer-name')).toEqual([`A "B" <i>C</i>`]);
    expect(html).toContain('DINAS &quot;X&quot;&gt;&lt;SCRIPT&gt;');
  });

  it('never prints the name of an anonymous reporter, anywhere', () => {
    const anonymous = report({
      privacy: { rahasia: false, anonim: true },
      reporter: { name: 'Rahasia Sekali' },
    });
    const html = letterHtml(modelOf(source({ report: anonymous })));

    expect(html).not.toContain('Rahasia Sekali');
    expect(text(parse(html), '.letter__recipient p')[0]).toBe('Yth. Bapak/Ibu Pelapor');
  });

  it('prints no logo that is not a PNG or JPEG data URL', () => {
    const withSvg = {
      ...kota,
      settings: {
        ...kota.settings,
        letterhead: letterhead({ logo: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' }),
      },
    };
    const model = modelOf(source({ agencies: agencyMap(withSvg, dinkes, yankes) }));
    const smuggled = {
      ...model,
      letterhead: { ...model.letterhead, logo: 'https://x.test/a.png' },
    };

    for (const m of [model, smuggled]) {
      const doc = parse(letterHtml(m));
      expect(doc.querySelectorAll('img')).toHaveLength(0);
      expect(doc.querySelector('.kop__logo')).not.toBeNull();
    }
  });
});
