// A small typed RPC over postMessage (a Worker, a MessagePort): the serving side exposes a handler
// map, the calling side gets a promise per call, matched by request id. A handler's exception
// travels back as a value and rejects only that call; events flow from server to caller. A
// handler may mark its answer's buffers to be transferred rather than copied (withTransfer).

/** The part of Worker / MessagePort / a worker's global scope used here. */
export interface MessagePortLike {
  /** `transfer`: objects moved to the other side (detached here), not copied. */
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePort only: starts delivery when listening with addEventListener. */
  start?: () => void;
}

// Handlers take any arguments; the map's own type keeps the calls typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RpcHandlers = Record<string, (...args: any[]) => unknown>;

type RequestMessage = {
  readonly rpc: 'request';
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
};
type ResponseMessage =
  | { readonly rpc: 'response'; readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly rpc: 'response';
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string };
    };
type EventMessage = { readonly rpc: 'event'; readonly event: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRequest(value: unknown): value is RequestMessage {
  return (
    isObject(value) &&
    value['rpc'] === 'request' &&
    typeof value['id'] === 'number' &&
    typeof value['method'] === 'string' &&
    Array.isArray(value['args'])
  );
}

function isResponse(value: unknown): value is ResponseMessage {
  return isObject(value) && value['rpc'] === 'response' && typeof value['id'] === 'number';
}

function isEvent(value: unknown): value is EventMessage {
  return isObject(value) && value['rpc'] === 'event';
}

/** A failure of the call itself (the handler threw, the other side went away). */
export class RpcError extends Error {
  override readonly name = 'RpcError';
  constructor(
    message: string,
    readonly remoteName: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Serving side

/** Answers marked by withTransfer, with what to transfer (weak: nothing kept after sending). */
const transferLists = new WeakMap<object, Transferable[]>();

/**
 * Marks `value`, a handler's answer, to be posted with `transfer` moved to the caller instead of
 * copied (an attachment's ArrayBuffer). The handler must not use those objects afterwards.
 */
export function withTransfer<T extends object>(value: T, transfer: Transferable[]): T {
  transferLists.set(value, transfer);
  return value;
}

export interface RpcServer<E> {
  emit(event: E): void;
  close(): void;
}

/**
 * Answers requests with `handlers`. Requests are handled in arrival order up to their first
 * await; `before` (when given) is awaited before each handler, e.g. until the service is ready.
 */
export function serveRpc<E = never>(
  port: MessagePortLike,
  handlers: RpcHandlers,
  options: { before?: () => Promise<void> } = {},
): RpcServer<E> {
  const listener = (message: MessageEvent) => {
    const data: unknown = message.data;
    if (!isRequest(data)) return;
    void answer(data);
  };

  async function answer(request: RequestMessage): Promise<void> {
    let response: ResponseMessage;
    let transfer: Transferable[] = [];
    try {
      if (options.before) await options.before();
      if (!Object.prototype.hasOwnProperty.call(handlers, request.method)) {
        throw new RpcError(`Unknown method ${request.method}`, 'RpcError');
      }
      const handler = handlers[request.method] as (...args: unknown[]) => unknown;
      const value = await handler(...request.args);
      if (isObject(value)) transfer = transferLists.get(value) ?? [];
      response = { rpc: 'response', id: request.id, ok: true, value };
    } catch (cause) {
      const error =
        cause instanceof Error
          ? { name: cause.name, message: cause.message }
          : { name: 'Error', message: String(cause) };
      response = { rpc: 'response', id: request.id, ok: false, error };
    }
    try {
      if (transfer.length > 0) port.postMessage(response, transfer);
      else port.postMessage(response);
    } catch (cause) {
      // The value could not be cloned: a bug in a handler, reported as the call's failure.
      port.postMessage({
        rpc: 'response',
        id: request.id,
        ok: false,
        error: { name: 'DataCloneError', message: String(cause) },
      } satisfies ResponseMessage);
    }
  }

  port.addEventListener('message', listener);
  port.start?.();
  return {
    emit(event) {
      port.postMessage({ rpc: 'event', event } satisfies EventMessage);
    },
    close() {
      port.removeEventListener('message', listener);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Calling side

export interface RpcClient<H extends RpcHandlers, E> {
  call<K extends keyof H & string>(
    method: K,
    ...args: Parameters<H[K]>
  ): Promise<Awaited<ReturnType<H[K]>>>;
  /** Fire and forget: the answer (and any failure) is ignored. */
  notify<K extends keyof H & string>(method: K, ...args: Parameters<H[K]>): void;
  onEvent(listener: (event: E) => void): () => void;
  /** Rejects every call still waiting (the other side is gone) and stops listening. */
  close(reason?: string): void;
}

export function connectRpc<H extends RpcHandlers, E = never>(
  port: MessagePortLike,
): RpcClient<H, E> {
  let nextId = 1;
  let closedReason: string | null = null;
  const waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  const listeners = new Set<(event: E) => void>();

  const listener = (message: MessageEvent) => {
    const data: unknown = message.data;
    if (isResponse(data)) {
      const entry = waiting.get(data.id);
      if (!entry) return;
      waiting.delete(data.id);
      if (data.ok) entry.resolve(data.value);
      else entry.reject(new RpcError(data.error.message, data.error.name));
    } else if (isEvent(data)) {
      for (const l of [...listeners]) l(data.event as E);
    }
  };
  port.addEventListener('message', listener);
  port.start?.();

  function send(method: string, args: readonly unknown[]): number {
    const id = nextId++;
    port.postMessage({ rpc: 'request', id, method, args } satisfies RequestMessage);
    return id;
  }

  return {
    call(method, ...args) {
      if (closedReason !== null) return Promise.reject(new RpcError(closedReason, 'RpcClosed'));
      return new Promise((resolve, reject) => {
        const id = nextId;
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        try {
          send(method, args);
        } catch (cause) {
          waiting.delete(id);
          reject(cause instanceof Error ? cause : new RpcError(String(cause), 'Error'));
        }
      });
    },
    notify(method, ...args) {
      if (closedReason !== null) return;
      const id = send(method, args);
      waiting.set(id, { resolve: () => undefined, reject: () => undefined });
    },
    onEvent(l) {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    close(reason = 'The connection is closed') {
      if (closedReason !== null) return;
      closedReason = reason;
      port.removeEventListener('message', listener);
      for (const entry of waiting.values()) entry.reject(new RpcError(reason, 'RpcClosed'));
      waiting.clear();
      listeners.clear();
    },
  };
}
