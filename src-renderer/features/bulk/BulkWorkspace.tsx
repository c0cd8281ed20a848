// Bulk actions in the workspace, mounted once: attaches the bulk store to the inbox service and
// shows the dialog, the undo toast and the batch results panel.
import { useEffect } from 'react';
import type { InboxService } from '../../sync/inbox-service';
import { BatchResultsPanel } from './BatchResultsPanel';
import { BulkDialogHost } from './BulkDialog';
import { useBulkStore, type BulkDeps } from './bulk-store';
import { UndoToast } from './UndoToast';

export function BulkWorkspace({ service, deps }: { service: InboxService; deps?: BulkDeps }) {
  useEffect(() => useBulkStore.getState().attach(service, deps), [service, deps]);
  return (
    <>
      <BulkDialogHost />
      <UndoToast />
      <BatchResultsPanel />
    </>
  );
}
