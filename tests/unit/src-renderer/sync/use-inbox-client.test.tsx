// @vitest-environment happy-dom
// One InboxService per session: created when signed in, provided to the UI, closed on sign-out
// and replaced (the old one closed) when the profile changes.
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxService, InboxSessionConfig } from '../../../../src-renderer/sync/inbox-service';
import { InboxServiceProvider, useInboxService } from '../../../../src-renderer/sync/inbox-context';
import { useInboxClient } from '../../../../src-renderer/sync/use-inbox-client';
import { createFakeInboxService, type FakeInboxService } from '../../../support/fake-inbox-service';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const configFor = (profileId: string): InboxSessionConfig => ({
  profileId,
  serverUrl: 'http://127.0.0.1:8787',
  token: 't',
  user: { id: 'u-1', username: 'u', displayName: 'U', role: 'admin_instansi', agencyId: 'a-1' },
});

const created: { config: InboxSessionConfig; service: FakeInboxService }[] = [];
const create = (config: InboxSessionConfig): InboxService => {
  const service = createFakeInboxService({ user: config.user, now: () => 0 });
  created.push({ config, service });
  return service;
};

let setConfig: (config: InboxSessionConfig | null) => void = () => undefined;
function Consumer() {
  const service = useInboxService();
  return <p data-testid="inbox">{created.find((c) => c.service === service)?.config.profileId}</p>;
}
function Harness() {
  const [config, set] = useState<InboxSessionConfig | null>(null);
  setConfig = set;
  const service = useInboxClient(config, create);
  return service === null ? (
    <p data-testid="inbox">none</p>
  ) : (
    <InboxServiceProvider service={service}>
      <Consumer />
    </InboxServiceProvider>
  );
}

const container = document.createElement('div');
document.body.append(container);
const root = createRoot(container);
afterEach(() => {
  created.length = 0;
});

describe('useInboxClient', () => {
  it('creates, provides, replaces and closes the session inbox', async () => {
    await act(async () => {
      root.render(<Harness />);
      await Promise.resolve();
    });
    expect(container.textContent).toBe('none');
    expect(created).toHaveLength(0);

    await act(async () => {
      setConfig(configFor('p-1'));
      await Promise.resolve();
    });
    expect(container.textContent).toBe('p-1');
    expect(created.map((c) => c.config.profileId)).toEqual(['p-1']);

    await act(async () => {
      setConfig(configFor('p-2'));
      await Promise.resolve();
    });
    expect(container.textContent).toBe('p-2');
    expect(created.map((c) => [c.config.profileId, c.service.isClosed])).toEqual([
      ['p-1', true],
      ['p-2', false],
    ]);

    await act(async () => {
      setConfig(null);
      await Promise.resolve();
    });
    expect(container.textContent).toBe('none');
    expect(created[1]?.service.isClosed).toBe(true);
    act(() => {
      root.unmount();
    });
  });
});
