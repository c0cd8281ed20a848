// @vitest-environment happy-dom
// The attachment rows of the detail pane: a "Unduh" button per file that asks the service, hands
// the bytes to the host's save flow (files:save on the bridge: a save dialog in Electron, a Blob
// URL through <a download> in the browser host), and says "tersimpan untuk luring" once cached,
// or in plain Indonesian why the file cannot be had.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeRequest } from '../../../../../src-shared/bridge';
import type { Attachment } from '../../../../../src-shared/domain/report';
import { AttachmentList } from '../../../../../src-renderer/features/inbox/AttachmentList';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ReportDetailPane } from '../../../../../src-renderer/features/inbox/ReportDetailPane';
import {
  base64FromBytes,
  type FileToSave,
} from '../../../../../src-renderer/features/inbox/save-attachment';
import {
  attach,
  click,
  fakeService,
  makeReport,
  mount,
  run,
  text,
  type Mounted,
} from './inbox-fixtures';

type SaveAnswer =
  | { ok: true; value: { saved: true; path: string } | { saved: false } }
  | { ok: false; error: { code: string; message: string } };

/** The host bridge as the app would pick it: records files:save and answers from a queue. */
const host = vi.hoisted(() => ({
  saves: [] as unknown[],
  answers: [] as unknown[],
}));
vi.mock('../../../../../src-renderer/platform/bridge', () => ({
  bridge: {
    invoke: (channel: string, request: unknown) => {
      if (channel !== 'files:save') throw new Error(`unexpected ${channel}`);
      host.saves.push(request);
      return Promise.resolve(
        host.answers.shift() ?? { ok: true, value: { saved: true, path: '/home/op/file' } },
      );
    },
    on: () => () => undefined,
  },
}));

const saves = () => host.saves as BridgeRequest<'files:save'>[];
const answerNextSave = (answer: SaveAnswer) => {
  host.answers.push(answer);
};

const photo: Attachment = {
  id: 'att-1',
  fileName: 'foto jalan.jpg',
  mimeType: 'image/jpeg',
  sizeBytes: 3,
};
const letter: Attachment = {
  id: 'att-2',
  fileName: 'surat.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 2048,
};

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;

beforeEach(() => {
  host.saves.length = 0;
  host.answers.length = 0;
});

afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
  vi.restoreAllMocks();
});

async function showReport(attachments: readonly Attachment[]) {
  const service = fakeService({ reports: [makeReport(0, { attachments: [...attachments] })] });
  detach = await attach(service);
  mounted = await mount(<ReportDetailPane />);
  await run(() => {
    useInboxStore.getState().selectIndex(0);
  });
  return service;
}

function row(id: string): Element {
  const found = document.querySelector(`[data-attachment-id="${id}"]`);
  if (found === null) throw new Error(`no row for ${id}`);
  return found;
}

const button = (id: string) => row(id).querySelector('button');

describe('attachment list', () => {
  it('shows each attachment with its size and a keyboard-reachable Unduh button', async () => {
    await showReport([photo, letter]);
    expect(text(row('att-1'))).toContain('foto jalan.jpg');
    expect(text(row('att-2'))).toContain('2.0 KB');
    const download = button('att-1');
    expect(download?.tagName).toBe('BUTTON');
    expect(download?.getAttribute('type')).toBe('button');
    expect(download?.textContent).toBe('Unduh');
    expect(download?.getAttribute('aria-label')).toBe('Unduh foto jalan.jpg');
    expect(download?.hasAttribute('disabled')).toBe(false);
    download?.focus();
    expect(document.activeElement).toBe(download);
  });

  it('says so when the report has no attachments', async () => {
    await showReport([]);
    expect(text(document.querySelector('.detail__attachments'))).toContain('Tidak ada lampiran.');
    expect(document.querySelector('.detail__attachments button')).toBeNull();
  });

  it('downloads through the service, saves through the bridge, says it is kept offline', async () => {
    const service = await showReport([photo, letter]);
    service.setAttachmentFile('att-1', new Uint8Array([0xff, 0xd8, 0xff]));
    await click(button('att-1'));
    expect(service.attachmentCalls).toEqual([{ reportId: 'r-000000', attachmentId: 'att-1' }]);
    expect(saves()).toEqual([
      { suggestedName: 'foto jalan.jpg', content: '/9j/', encoding: 'base64' },
    ]);
    expect(text(row('att-1').querySelector('[role="status"]'))).toBe('tersimpan untuk luring');
    expect(row('att-1').querySelector('[role="alert"]')).toBeNull();
    // Only that row changed.
    expect(text(row('att-2').querySelector('[role="status"]'))).toBe('');
  });

  it('serves a downloaded file again while offline', async () => {
    const service = await showReport([photo]);
    await click(button('att-1'));
    service.setOffline(true);
    await click(button('att-1'));
    expect(saves()).toHaveLength(2);
    expect(row('att-1').querySelector('[role="alert"]')).toBeNull();
    expect(text(row('att-1').querySelector('[role="status"]'))).toBe('tersimpan untuk luring');
  });

  it('explains in Indonesian that a file not yet cached needs the network', async () => {
    const service = await showReport([photo]);
    service.setOffline(true);
    await click(button('att-1'));
    expect(service.attachmentCalls).toHaveLength(1);
    expect(saves()).toEqual([]);
    expect(text(row('att-1').querySelector('[role="alert"]'))).toBe(
      'Lampiran belum tersimpan di perangkat ini; sambungkan ke jaringan untuk mengunduhnya.',
    );
    // Back online, the same button gets it and the error gives way.
    service.setOffline(false);
    await click(button('att-1'));
    expect(saves()).toHaveLength(1);
    expect(row('att-1').querySelector('[role="alert"]')).toBeNull();
  });

  it('explains a file the server no longer has and a failed download', async () => {
    const service = await showReport([photo]);
    service.failNextAttachment({ code: 'attachment/not-found', message: '404' });
    await click(button('att-1'));
    expect(text(row('att-1').querySelector('[role="alert"]'))).toContain(
      'Lampiran tidak ditemukan di server',
    );
    service.failNextAttachment({ code: 'attachment/failed', message: 'HTTP 503' });
    await click(button('att-1'));
    expect(text(row('att-1').querySelector('[role="alert"]'))).toContain('Lampiran gagal diunduh');
    expect(saves()).toEqual([]);
  });

  it('shows no error when the operator cancels the save dialog', async () => {
    await showReport([photo]);
    answerNextSave({ ok: true, value: { saved: false } });
    await click(button('att-1'));
    expect(saves()).toHaveLength(1);
    expect(row('att-1').querySelector('[role="alert"]')).toBeNull();
    expect(text(row('att-1').querySelector('[role="status"]'))).toBe('tersimpan untuk luring');
  });

  it('says why when the host cannot write the file', async () => {
    await showReport([photo]);
    answerNextSave({
      ok: false,
      error: { code: 'files/write-failed', message: 'disk read-only' },
    });
    await click(button('att-1'));
    expect(text(row('att-1').querySelector('[role="alert"]'))).toBe(
      'Berkas tidak dapat disimpan: disk read-only',
    );
    // The copy for offline use was still made.
    expect(text(row('att-1').querySelector('[role="status"]'))).toBe('tersimpan untuk luring');
  });

  it('ignores a second press while the first download is still running', async () => {
    const service = await showReport([photo]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const original = service.attachment.bind(service);
    const spy = vi
      .spyOn(service, 'attachment')
      .mockImplementation(async (reportId, attachmentId) => {
        await gate;
        return original(reportId, attachmentId);
      });
    await click(button('att-1'));
    expect(button('att-1')?.textContent).toBe('Mengunduh…');
    expect(button('att-1')?.getAttribute('aria-disabled')).toBe('true');
    await click(button('att-1'));
    await run(() => {
      release();
    });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(saves()).toHaveLength(1);
    expect(button('att-1')?.textContent).toBe('Unduh');
  });

  it('uses the save function it is given', async () => {
    const service = fakeService({ reports: [makeReport(0, { attachments: [photo] })] });
    detach = await attach(service);
    const saved: FileToSave[] = [];
    mounted = await mount(
      <AttachmentList
        reportId="r-000000"
        attachments={[photo]}
        save={(file) => {
          saved.push(file);
          return Promise.resolve({ ok: true, value: 'saved' });
        }}
      />,
    );
    await click(button('att-1'));
    expect(saved.map((f) => [f.bytes.byteLength, f.fileName, f.mimeType])).toEqual([
      [3, 'foto jalan.jpg', 'image/jpeg'],
    ]);
    expect(saves()).toEqual([]);
  });
});

describe('base64FromBytes', () => {
  it('encodes like the standard encoder, across chunk boundaries', () => {
    const big = new Uint8Array(0x8000 * 2 + 5).map((_, i) => (i * 31) % 256);
    for (const bytes of [new Uint8Array([]), new Uint8Array([0xff]), big]) {
      expect(base64FromBytes(bytes.slice().buffer)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
