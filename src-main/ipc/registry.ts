// The bridge's main-process side: one typed handler per channel, registered from a single map.
// Every call is checked (sender is our page, payload matches the channel's schema, result matches
// the response schema) and answers a Result; nothing a renderer sends can make it throw.

import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  BridgeErrorCode,
  bridgeChannelNames,
  bridgeSchemas,
  isBridgeChannel,
  type BridgeChannel,
  type BridgeRequest,
  type BridgeResponse,
} from '../../src-shared/bridge';
import { appError, err, ok, type Result } from '../../src-shared/result';
import { isAppUrl } from '../app-origin';
import type { Logger } from '../log';

/** Refused because the call did not come from an app://posko page. */

export interface IpcContext {
  /** The URL of the frame that sent the call (always an app://posko page by the time a handler runs). */
  readonly senderUrl: string;
  readonly sender: WebContents;
}

export type BridgeHandler<C extends BridgeChannel> = (
  request: BridgeRequest<C>,
  ctx: IpcContext,
) => Promise<Result<BridgeResponse<C>>>;

export type BridgeHandlers = { readonly [C in BridgeChannel]: BridgeHandler<C> };

export interface CallOrigin {
  /** null when the sending frame is gone (navigated away or destroyed). */
  readonly senderUrl: string | null;
  readonly sender: WebContents;
}

const MAX_ISSUES_IN_MESSAGE = 5;

function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)';
    return `${where}: ${issue.message}`.slice(0, 200);
  });
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${String(more)} more` : shown.join('; ');
}

function issueSummary(issues: readonly { path: readonly PropertyKey[]; code: string }[]) {
  // Paths and codes only: payload values (tokens, file contents) never reach the log.
  return issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code }));
}

async function dispatchChannel<C extends BridgeChannel>(
  handlers: BridgeHandlers,
  channel: C,
  payload: unknown,
  ctx: IpcContext,
  log: Logger,
): Promise<Result<BridgeResponse<C>>> {
  const schemas = bridgeSchemas[channel];
  const parsed = schemas.request.safeParse(payload);
  if (!parsed.success) {
    log.warn('bridge call refused: invalid payload', {
      channel,
      issues: issueSummary(parsed.error.issues),
    });
    return err(
      appError(
        BridgeErrorCode.invalidPayload,
        `Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}`,
      ),
    );
  }

  const handler: BridgeHandler<C> = handlers[channel];
  let result: Result<BridgeResponse<C>>;
  try {
    result = await handler(parsed.data as BridgeRequest<C>, ctx);
  } catch (error) {
    log.error('bridge handler failed', { channel, error });
    return err(appError(BridgeErrorCode.handlerFailed, `${channel} failed unexpectedly.`));
  }
  if (!result.ok) return err(appError(result.error.code, result.error.message));

  const checked = schemas.response.safeParse(result.value);
  if (!checked.success) {
    log.error('bridge handler returned a value outside its response schema', {
      channel,
      issues: issueSummary(checked.error.issues),
    });
    return err(appError(BridgeErrorCode.handlerFailed, `${channel} failed unexpectedly.`));
  }
  return ok(checked.data as BridgeResponse<C>);
}

/**
 * Checks and routes one call. Exported for tests; `registerIpc` is what production uses. Never
 * rejects: every failure becomes `{ok: false, error}`.
 */
export async function dispatchBridgeCall(
  handlers: BridgeHandlers,
  channel: unknown,
  payload: unknown,
  origin: CallOrigin,
  log: Logger,
): Promise<Result<unknown>> {
  try {
    if (!isBridgeChannel(channel)) {
      log.warn('bridge call refused: unknown channel', { channel: String(channel).slice(0, 100) });
      return err(appError(BridgeErrorCode.invalidChannel, 'Unknown bridge channel.'));
    }
    if (origin.senderUrl === null || !isAppUrl(origin.senderUrl)) {
      log.warn('bridge call refused: sender is not an app page', {
        channel,
        senderUrl: origin.senderUrl?.slice(0, 300) ?? null,
      });
      return err(
        appError(
          BridgeErrorCode.forbiddenSender,
          'Bridge calls are only accepted from the Posko app.',
        ),
      );
    }
    return await dispatchChannel(
      handlers,
      channel,
      payload,
      { senderUrl: origin.senderUrl, sender: origin.sender },
      log,
    );
  } catch (error) {
    // Only a bug in the checks above can land here; it still must not reach the renderer.
    log.error('bridge dispatch failed', { error });
    return err(appError(BridgeErrorCode.handlerFailed, 'The bridge call failed unexpectedly.'));
  }
}

function senderUrlOf(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    // Accessing a frame that was disposed mid-call throws.
    return null;
  }
}

/** Registers every bridge channel on ipcMain. Returns a function that removes them again. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: BridgeHandlers,
  log: Logger,
): () => void {
  for (const channel of bridgeChannelNames) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatchBridgeCall(
        handlers,
        channel,
        payload,
        { senderUrl: senderUrlOf(event), sender: event.sender },
        log,
      ),
    );
  }
  return () => {
    for (const channel of bridgeChannelNames) ipcMain.removeHandler(channel);
  };
}
