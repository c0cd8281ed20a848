import { describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../../../src-shared/bridge';
import { createBridgeEventSender } from '../../../../src-main/ipc/events';
import { recordingLogger } from '../../../../src-main/log';

function target(url: string, destroyed = false) {
  return { send: vi.fn(), getURL: () => url, isDestroyed: () => destroyed };
}

describe('createBridgeEventSender', () => {
  it('sends a valid event to app windows only', () => {
    const app = target('app://posko/index.html');
    const foreign = target('https://evil.example/');
    const gone = target('app://posko/index.html', true);
    const send = createBridgeEventSender({
      targets: () => [app, foreign, gone],
      log: recordingLogger(),
    });

    send('updates:status', { state: 'checking' });

    expect(app.send).toHaveBeenCalledExactlyOnceWith('updates:status', { state: 'checking' });
    expect(foreign.send).not.toHaveBeenCalled();
    expect(gone.send).not.toHaveBeenCalled();
  });

  it('drops and logs a payload outside the event schema', () => {
    const app = target('app://posko/index.html');
    const log = recordingLogger();
    const send = createBridgeEventSender({ targets: () => [app], log });

    send('updates:status', { state: 'exploded' } as unknown as UpdateStatus);

    expect(app.send).not.toHaveBeenCalled();
    expect(log.entries.some((entry) => entry.level === 'error')).toBe(true);
  });
});
