import { describe, expect, it } from 'vitest';
import { AppInfoSchema } from '../../../../src-shared/bridge';
import { appHandlers } from '../../../../src-main/ipc/app';
import type { IpcContext } from '../../../../src-main/ipc/registry';

const ctx = {} as IpcContext;

describe('app:info', () => {
  it('describes the Electron host with the configured server and update ability', async () => {
    const handlers = appHandlers({
      version: '0.3.1',
      platform: 'win32',
      defaultServerUrl: 'https://lapor.example.go.id',
      canUpdate: () => true,
    });

    const result = await handlers['app:info']({}, ctx);

    expect(result).toEqual({
      ok: true,
      value: {
        version: '0.3.1',
        host: 'electron',
        platform: 'win32',
        defaultServerUrl: 'https://lapor.example.go.id',
        canUpdate: true,
      },
    });
    expect(result.ok && AppInfoSchema.safeParse(result.value).success).toBe(true);
  });
});
