import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ATTACHMENT_MAX_BYTES,
  DOCX_MIME_TYPE,
  UploadAttachmentResponseSchema,
} from '../../../../src-shared/api/attachments';
import { CITIZEN_TOKEN_HEADER, FileReportResponseSchema } from '../../../../src-shared/api/citizen';
import { ReportSchema } from '../../../../src-shared/domain/report';
import { internalReport, type ReportRow } from '../../../../src-server/sync/rows';
import { describeEachBackend } from '../../../support/test-db';
import { expectApiError, startTestServer, type TestServer } from '../../../support/test-server';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

describeEachBackend('attachments', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  /** A report filed by a citizen into dinkes-a, then placed in the unit pkm-a. */
  async function fileReport(): Promise<{ reportId: string; token: string }> {
    server.clock.advance(60_000);
    const response = await server.request('POST', '/reports', {
      body: {
        title: 'Obat kosong di puskesmas',
        body: 'Sudah dua minggu obat hipertensi kosong.',
        location: { text: 'Puskesmas Kota A' },
        type: 'pengaduan',
        privacy: { rahasia: false, anonim: false },
        reporter: { name: 'Budi Santoso' },
        targetAgencyId: 'dinkes-a',
      },
    });
    const filed = FileReportResponseSchema.parse(response.body);
    await server.db.query(
      "UPDATE reports SET unit_id = 'pkm-a', scope_path = '/prov/kab-a/dinkes-a/pkm-a/' WHERE id = $1",
      [filed.reportId],
    );
    return { reportId: filed.reportId, token: filed.citizenToken };
  }

  async function upload(
    reportId: string,
    bytes: Uint8Array,
    headers: Record<string, string>,
    token?: string,
  ) {
    return server.request('POST', `/reports/${reportId}/attachments`, {
      rawBody: new Uint8Array(bytes),
      headers,
      ...(token === undefined ? {} : { token }),
    });
  }

  async function reportRow(reportId: string): Promise<ReportRow> {
    const { rows } = await server.db.query<ReportRow>('SELECT * FROM reports WHERE id = $1', [
      reportId,
    ]);
    if (rows[0] === undefined) throw new Error('no report');
    return rows[0];
  }

  async function attachmentCount(): Promise<number> {
    const { rows } = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM attachments',
    );
    return rows[0]?.n ?? 0;
  }

  it('stores an operator’s upload with its hash and adds it to the report with a new version', async () => {
    const { reportId } = await fileReport();
    const before = await reportRow(reportId);
    const response = await upload(
      reportId,
      PNG,
      { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('foto jalan rusak.png') },
      await server.login('operator-a'),
    );
    expect(response.status, response.text).toBe(201);
    const answer = UploadAttachmentResponseSchema.parse(response.body);
    expect(answer.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(answer.attachment).toMatchObject({
      fileName: 'foto jalan rusak.png',
      mimeType: 'image/png',
      sizeBytes: PNG.length,
    });
    const after = await reportRow(reportId);
    expect(after.version).toBe(answer.reportVersion);
    expect(after.version).toBeGreaterThan(before.version);
    const report = ReportSchema.parse(internalReport(after));
    expect(report.attachments).toEqual([answer.attachment]);
    const stored = await server.db.query<{ sha256: string; size_bytes: number }>(
      'SELECT sha256, size_bytes FROM attachments WHERE id = $1',
      [answer.attachment.id],
    );
    expect(stored.rows[0]).toEqual({ sha256: answer.sha256, size_bytes: PNG.length });
  });

  it('serves the bytes back as a download that no browser renders', async () => {
    const { reportId } = await fileReport();
    const token = await server.login('admin-a');
    const uploaded = UploadAttachmentResponseSchema.parse(
      (
        await upload(
          reportId,
          PDF,
          {
            'content-type': 'application/pdf',
            'x-file-name': encodeURIComponent('Surat Pernyataan ✓.pdf'),
          },
          token,
        )
      ).body,
    );
    const response = await fetch(`${server.url}/api/v1/attachments/${uploaded.attachment.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="Surat Pernyataan _.pdf"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("''")[1] ?? '')).toBe('Surat Pernyataan ✓.pdf');
  });

  it('lets the citizen add and fetch files of their own report with its token only', async () => {
    const mine = await fileReport();
    const other = await fileReport();
    const response = await upload(mine.reportId, PDF, {
      'content-type': 'application/pdf',
      [CITIZEN_TOKEN_HEADER]: mine.token,
    });
    expect(response.status, response.text).toBe(201);
    const { attachment } = UploadAttachmentResponseSchema.parse(response.body);
    expect(attachment.fileName).toBe('lampiran.pdf');
    const mineDownload = await server.request('GET', `/attachments/${attachment.id}`, {
      headers: { [CITIZEN_TOKEN_HEADER]: mine.token },
    });
    expect(mineDownload.status).toBe(200);
    expectApiError(
      await server.request('GET', `/attachments/${attachment.id}`, {
        headers: { [CITIZEN_TOKEN_HEADER]: other.token },
      }),
      403,
      'citizen/token-invalid',
    );
    expectApiError(
      await upload(mine.reportId, PDF, {
        'content-type': 'application/pdf',
        [CITIZEN_TOKEN_HEADER]: other.token,
      }),
      403,
      'citizen/token-invalid',
    );
  });

  it('refuses callers without a session or token, read-only roles, and other agencies', async () => {
    const { reportId } = await fileReport();
    const headers = { 'content-type': 'image/png' };
    expectApiError(await upload(reportId, PNG, headers), 401, 'auth/unauthenticated');
    expectApiError(
      await upload(reportId, PNG, headers, await server.login('pimpinan-a')),
      403,
      'attachment/forbidden-role',
    );
    expectApiError(
      await upload(reportId, PNG, headers, await server.login('admin-b')),
      404,
      'attachment/not-found',
    );
    const uploaded = UploadAttachmentResponseSchema.parse(
      (await upload(reportId, PNG, headers, await server.login('operator-a'))).body,
    );
    expectApiError(
      await server.request('GET', `/attachments/${uploaded.attachment.id}`, {
        token: await server.login('admin-b'),
      }),
      404,
      'attachment/not-found',
    );
    expectApiError(
      await server.request('GET', `/attachments/${uploaded.attachment.id}`),
      401,
      'auth/unauthenticated',
    );
    // A head of agency may read what they may not add.
    const read = await server.request('GET', `/attachments/${uploaded.attachment.id}`, {
      token: await server.login('pimpinan-a'),
    });
    expect(read.status).toBe(200);
  });

  it('refuses types outside the list, content that is not the declared type, and empty files', async () => {
    const { reportId } = await fileReport();
    const token = await server.login('operator-a');
    const versionBefore = (await reportRow(reportId)).version;
    const countBefore = await attachmentCount();
    expectApiError(
      await upload(reportId, HTML, { 'content-type': 'text/html' }, token),
      415,
      'attachment/type-not-allowed',
    );
    expectApiError(
      await upload(reportId, HTML, { 'content-type': 'image/svg+xml' }, token),
      415,
      'attachment/type-not-allowed',
    );
    expectApiError(
      await server.request('POST', `/reports/${reportId}/attachments`, {
        token,
        body: { file: 'x' },
      }),
      415,
      'attachment/type-not-allowed',
    );
    expectApiError(
      await upload(reportId, PDF, { 'content-type': 'image/png' }, token),
      415,
      'attachment/content-mismatch',
    );
    expectApiError(
      await upload(reportId, HTML, { 'content-type': 'application/pdf' }, token),
      415,
      'attachment/content-mismatch',
    );
    // A zip that is not a Word document.
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('xl/workbook.xml'),
    ]);
    expectApiError(
      await upload(reportId, zip, { 'content-type': DOCX_MIME_TYPE }, token),
      415,
      'attachment/content-mismatch',
    );
    expectApiError(
      await upload(reportId, new Uint8Array(0), { 'content-type': 'image/png' }, token),
      400,
      'attachment/empty',
    );
    expect((await reportRow(reportId)).version).toBe(versionBefore);
    expect(await attachmentCount()).toBe(countBefore);
  });

  it('takes a file of exactly 10 MiB and refuses one byte more', async () => {
    const { reportId } = await fileReport();
    const token = await server.login('operator-a');
    const limit = Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20);
    PDF.copy(limit);
    const accepted = await upload(reportId, limit, { 'content-type': 'application/pdf' }, token);
    expect(accepted.status, accepted.text).toBe(201);
    const countBefore = await attachmentCount();
    const over = Buffer.concat([limit, Buffer.from([0x20])]);
    expectApiError(
      await upload(reportId, over, { 'content-type': 'application/pdf' }, token),
      413,
      'request/too-large',
    );
    expect(await attachmentCount()).toBe(countBefore);
  });

  it('keeps path-traversal-looking and hostile file names as harmless names', async () => {
    const { reportId } = await fileReport();
    const token = await server.login('operator-a');
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd.png'],
      ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe.png'],
      ['/var/lib/posko/../foto.PNG', 'foto.PNG'],
      ['.htaccess', 'htaccess.png'],
      ['con.png', '_con.png'],
      ['bukti\u202egnp.exe', 'buktignp.exe.png'],
      ['a\u0000b\nc.png', 'a_b_c.png'],
      ['', 'lampiran.png'],
    ];
    for (const [raw, expected] of cases) {
      const response = await upload(
        reportId,
        PNG,
        { 'content-type': 'image/png', 'x-file-name': encodeURIComponent(raw) },
        token,
      );
      expect(response.status, raw).toBe(201);
      expect(UploadAttachmentResponseSchema.parse(response.body).attachment.fileName, raw).toBe(
        expected,
      );
    }
  });

  it('answers unknown attachments and reports with 404', async () => {
    const token = await server.login('operator-a');
    expectApiError(
      await server.request('GET', '/attachments/tidak-ada', { token }),
      404,
      'attachment/not-found',
    );
    expectApiError(
      await upload('tidak-ada', PNG, { 'content-type': 'image/png' }, token),
      404,
      'attachment/not-found',
    );
  });
});
