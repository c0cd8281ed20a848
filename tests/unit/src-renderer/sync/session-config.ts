// The session both worker-service test files open: koordinator A of the engine harness, on a
// loopback server profile.
import type { InboxSessionConfig } from '../../../../src-renderer/sync/inbox-service';
import { koordinatorA } from '../../src-shared/sync/client/engine-harness';

export const koordinatorASession: InboxSessionConfig = {
  profileId: 'http.127.0.0.1_8787@koord-a',
  serverUrl: 'http://127.0.0.1:8787',
  token: 'token-a',
  user: {
    id: koordinatorA.id,
    username: 'koord-a',
    displayName: 'Koordinator A',
    role: koordinatorA.role,
    agencyId: koordinatorA.agencyId,
  },
};
