// The app's one session store, wired to the real host bridge, fetch and storage.
import { bridge } from '../platform/bridge';
import { createSessionStore } from '../features/auth/session-store';

export const useSessionStore = createSessionStore({
  bridge,
  fetch: (input, init) => fetch(input, init),
  storage: window.localStorage,
  now: () => Date.now(),
});
