import { describe, expect, it, vi } from 'vitest';
import { notifyHandlers } from '../../../../src-main/ipc/notify';
import type { IpcContext } from '../../../../src-main/ipc/registry';

const ctx = {} as IpcContext;

describe('notify:show', () => {
  it('shows a native notification with the title and body', async () => {
    const show = vi.fn();
    const handlers = notifyHandlers({ isSupported: () => true, show });

    const result = await handlers['notify:show'](
      { title: 'Laporan baru', body: 'LAP-123 perlu disposisi' },
      ctx,
    );

    expect(result).toEqual({ ok: true, value: null });
    expect(show).toHaveBeenCalledExactlyOnceWith({
      title: 'Laporan baru',
      body: 'LAP-123 perlu disposisi',
    });
  });

  it('answers notify/unavailable where notifications are not supported', async () => {
    const show = vi.fn();
    const handlers = notifyHandlers({ isSupported: () => false, show });

    const result = await handlers['notify:show']({ title: 'x', body: '' }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'notify/unavailable' } });
    expect(show).not.toHaveBeenCalled();
  });
});
