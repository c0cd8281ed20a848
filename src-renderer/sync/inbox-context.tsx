// Gives the inbox UI its InboxService: the worker proxy in the app, a fake in tests.
import { createContext, useContext, type ReactNode } from 'react';
import type { InboxService } from './inbox-service';

const InboxServiceContext = createContext<InboxService | null>(null);

export function InboxServiceProvider(props: { service: InboxService; children: ReactNode }) {
  return (
    <InboxServiceContext.Provider value={props.service}>
      {props.children}
    </InboxServiceContext.Provider>
  );
}

/** The signed-in session's InboxService; throws outside an InboxServiceProvider (a bug). */
export function useInboxService(): InboxService {
  const service = useContext(InboxServiceContext);
  if (service === null) throw new Error('useInboxService outside an InboxServiceProvider');
  return service;
}

/** The InboxService when there is one (signed in), else null. */
export function useOptionalInboxService(): InboxService | null {
  return useContext(InboxServiceContext);
}
