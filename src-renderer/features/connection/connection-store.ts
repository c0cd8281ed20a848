// Whether the server answers. Judged from the outcome of real requests first; the browser's
// online/offline events only hint, since `navigator.onLine` is true on a dead LAN.
import { create } from 'zustand';

export type Connection = 'unknown' | 'online' | 'offline';

interface ConnectionState {
  connection: Connection;
  lastSyncAt: number | null;
  /** Record the outcome of a request to the server: reached it (any HTTP answer) or not. */
  reportRequest: (reached: boolean) => void;
  reportBrowserOffline: () => void;
}

export const initialConnectionState = (): Pick<ConnectionState, 'connection' | 'lastSyncAt'> => ({
  connection: 'unknown',
  lastSyncAt: null,
});

export const useConnectionStore = create<ConnectionState>()((set) => ({
  ...initialConnectionState(),
  reportRequest(reached) {
    set({ connection: reached ? 'online' : 'offline' });
  },
  reportBrowserOffline() {
    set({ connection: 'offline' });
  },
}));
