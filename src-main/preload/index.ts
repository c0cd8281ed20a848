// The sandboxed preload: exposes exactly one object, window.posko, that forwards allow-listed
// bridge calls and events. Nothing of ipcRenderer crosses into the page. Imports only the channel
// names (not bridge.ts), so the validation library stays out of this bundle; main validates.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  BridgeChannel,
  BridgeEvent,
  BridgeEventPayload,
  BridgeRequest,
  BridgeResponse,
  PoskoBridge,
} from '../../src-shared/bridge';
import { BridgeErrorCode, isBridgeChannel, isBridgeEvent } from '../../src-shared/bridge-channels';
import type { Result } from '../../src-shared/result';

const bridge = {
  invoke<C extends BridgeChannel>(
    channel: C,
    request: BridgeRequest<C>,
  ): Promise<Result<BridgeResponse<C>>> {
    if (!isBridgeChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: BridgeErrorCode.invalidChannel, message: 'Unknown bridge channel.' },
      });
    }
    return ipcRenderer.invoke(channel, request) as Promise<Result<BridgeResponse<C>>>;
  },

  on<E extends BridgeEvent>(
    event: E,
    listener: (payload: BridgeEventPayload<E>) => void,
  ): () => void {
    if (!isBridgeEvent(event) || typeof listener !== 'function') {
      // No exception crosses the bridge: an unknown event simply never fires.
      return () => undefined;
    }
    const forward = (_event: IpcRendererEvent, payload: BridgeEventPayload<E>): void => {
      listener(payload);
    };
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
} satisfies PoskoBridge;

contextBridge.exposeInMainWorld('posko', bridge);
