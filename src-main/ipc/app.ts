// app:info — what the renderer needs to know about its host.

import { ok } from '../../src-shared/result';
import type { BridgeHandlers } from './registry';

export interface AppInfoDeps {
  readonly version: string;
  readonly platform: string;
  readonly defaultServerUrl: string | null;
  readonly canUpdate: () => boolean;
}

export function appHandlers(deps: AppInfoDeps): Pick<BridgeHandlers, 'app:info'> {
  return {
    'app:info': () =>
      Promise.resolve(
        ok({
          version: deps.version,
          host: 'electron',
          platform: deps.platform,
          defaultServerUrl: deps.defaultServerUrl,
          canUpdate: deps.canUpdate(),
        }),
      ),
  };
}
