// One InboxService per signed-in session: created when a profile signs in, closed when the
// operator signs out or switches profile (one database per profile and user).
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { InboxService, InboxSessionConfig } from './inbox-service';

/** The current service, outside React state: the effect below writes it, renders read it. */
function createServiceHolder() {
  let current: InboxService | null = null;
  const listeners = new Set<() => void>();
  return {
    get: (): InboxService | null => current,
    set: (service: InboxService | null): void => {
      current = service;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The session's InboxService, null while there is no session (and for the first render of one).
 * `config` must keep its identity while the session is the same (memoize it).
 */
export function useInboxClient(
  config: InboxSessionConfig | null,
  create: (config: InboxSessionConfig) => InboxService,
): InboxService | null {
  const [holder] = useState(createServiceHolder);
  const service = useSyncExternalStore(holder.subscribe, holder.get);

  useEffect(() => {
    if (config === null) return;
    const created = create(config);
    holder.set(created);
    return () => {
      holder.set(null);
      void created.close();
    };
  }, [config, create, holder]);

  return service;
}
