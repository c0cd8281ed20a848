// The HTTP transport over a fake fetch and a fake EventSource: requests as the server expects
// them, answers parsed with the protocol schemas, every failure sorted into its kind, timeouts,
// and one shared event stream for version and presence announcements.
import { describe, expect, it } from 'vitest';
import {
  createHttpTransport,
  EVENTS_REOPEN_MS,
  type EventSourceLike,
} from '../../../../src-renderer/sync/http-transport';
import type { Scheduler } from '../../../../src-shared/sync/client/ports';

const SERVER = 'http://127.0.0.1:8787';

function manualScheduler() {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const scheduler: Scheduler & { fire(ms?: number): void; size(): number } = {
    setTimeout(fn, ms) {
      timers.set(++next, { fn, ms });
      return next;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    fire(ms) {
      for (const [id, timer] of [...timers]) {
        if (ms === undefined || timer.ms === ms) {
          timers.delete(id);
          timer.fn();
        }
      }
    },
    size: () => timers.size,
  };
  return scheduler;
}

type Answer = { status: number; body: string } | Error | 'hang';
function fakeFetch(answers: Answer[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = answers.shift() ?? { status: 200, body: '{}' };
    if (answer === 'hang') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => {
          reject(new DOMException('The operation was aborted', 'AbortError'));
        });
      });
    }
    if (answer instanceof Error) return Promise.reject(answer);
    const body = answer.status === 204 ? null : answer.body;
    return Promise.resolve(new Response(body, { status: answer.status }));
  }) as unknown as typeof fetch;
  return { fetchFn, calls };
}

const pullPage = { rows: [], cursor: 7, hasMore: false, remaining: 0 };
const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });

function transportWith(
  answers: Answer[],
  extra: { openEventSource?: (url: string) => EventSourceLike } = {},
) {
  const scheduler = manualScheduler();
  const { fetchFn, calls } = fakeFetch(answers);
  const transport = createHttpTransport({
    serverUrl: `${SERVER}/`,
    token: 'tok en',
    fetch: fetchFn,
    scheduler,
    timeoutMs: 1000,
    ...extra,
  });
  return { transport, calls, scheduler };
}

describe('http transport: requests', () => {
  it('posts a pull with the token and withTotal, and parses the page', async () => {
    const { transport, calls } = transportWith([json(200, pullPage)]);
    const result = await transport.pull({ cursor: 3, limit: 100, withTotal: true });
    expect(result).toEqual({ ok: true, value: pullPage });
    expect(calls[0]?.url).toBe(`${SERVER}/api/v1/sync/pull`);
    expect(calls[0]?.init.method).toBe('POST');
    expect((calls[0]?.init.headers as Record<string, string>)['authorization']).toBe(
      'Bearer tok en',
    );
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({
      cursor: 3,
      limit: 100,
      withTotal: true,
    });
  });

  it('leaves withTotal out when not asked', async () => {
    const { transport, calls } = transportWith([json(200, pullPage)]);
    await transport.pull({ cursor: 0, limit: 10 });
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({ cursor: 0, limit: 10 });
  });

  it('posts push and heads to their routes', async () => {
    const { transport, calls } = transportWith([
      json(200, { lastMutationId: 0, results: [] }),
      json(200, { rows: [], counts: { unverified: 4 }, version: 9 }),
    ]);
    const pushed = await transport.push({ clientId: 'client-0001', mutations: [] });
    const heads = await transport.heads();
    expect(pushed.ok).toBe(true);
    expect(heads).toEqual({ ok: true, value: { rows: [], counts: { unverified: 4 }, version: 9 } });
    expect(calls.map((c) => c.url)).toEqual([
      `${SERVER}/api/v1/sync/push`,
      `${SERVER}/api/v1/sync/heads`,
    ]);
  });

  it('posts presence and accepts an empty answer', async () => {
    const { transport, calls } = transportWith([{ status: 204, body: '' }]);
    const result = await transport.postPresence({ reportId: 'r-1', editing: true });
    expect(result).toEqual({ ok: true, value: null });
    expect(calls[0]?.url).toBe(`${SERVER}/api/v1/presence`);
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({ reportId: 'r-1', editing: true });
  });
});

describe('http transport: failures', () => {
  it('calls no answer offline', async () => {
    const { transport } = transportWith([new TypeError('Failed to fetch')]);
    expect(await transport.pull({ cursor: 0, limit: 1 })).toEqual({
      ok: false,
      error: { kind: 'offline', message: 'Failed to fetch' },
    });
  });

  it('gives up after the timeout and calls it offline', async () => {
    const { transport, scheduler } = transportWith(['hang']);
    const pending = transport.pull({ cursor: 0, limit: 1 });
    scheduler.fire(1000);
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('offline');
    expect(!result.ok && result.error.message).toMatch(/within 1 s/);
  });

  it('clears the timeout once answered', async () => {
    const { transport, scheduler } = transportWith([json(200, pullPage)]);
    await transport.pull({ cursor: 0, limit: 1 });
    expect(scheduler.size()).toBe(0);
  });

  it('calls 401 unauthorized', async () => {
    const { transport } = transportWith([
      json(401, { error: { code: 'auth/unauthenticated', message: 'Sign in again' } }),
    ]);
    expect(await transport.pull({ cursor: 0, limit: 1 })).toEqual({
      ok: false,
      error: { kind: 'unauthorized', status: 401, message: 'auth/unauthenticated: Sign in again' },
    });
  });

  it('calls 5xx server, with or without a JSON body', async () => {
    const { transport } = transportWith([
      json(503, { error: { code: 'server/internal', message: 'x' } }),
      { status: 502, body: '<html>Bad gateway</html>' },
    ]);
    const first = await transport.pull({ cursor: 0, limit: 1 });
    const second = await transport.pull({ cursor: 0, limit: 1 });
    expect(!first.ok && [first.error.kind, first.error.status]).toEqual(['server', 503]);
    expect(!second.ok && [second.error.kind, second.error.message]).toEqual(['server', 'HTTP 502']);
  });

  it('calls another 4xx client', async () => {
    const { transport } = transportWith([
      json(400, { error: { code: 'request/invalid', message: 'cursor must be ≥ 0' } }),
      json(404, { error: { code: 'request/not-found', message: 'no such route' } }),
    ]);
    const bad = await transport.pull({ cursor: 0, limit: 1 });
    const missing = await transport.heads();
    expect(!bad.ok && [bad.error.kind, bad.error.status]).toEqual(['client', 400]);
    expect(!missing.ok && [missing.error.kind, missing.error.status]).toEqual(['client', 404]);
  });

  it('calls an answer that is not JSON or does not fit the schema a server failure', async () => {
    const { transport } = transportWith([
      { status: 200, body: 'not json' },
      json(200, { rows: 'nope', cursor: 1, hasMore: false }),
      { status: 204, body: '' },
    ]);
    for (let i = 0; i < 3; i++) {
      const result = await transport.pull({ cursor: 0, limit: 1 });
      expect(!result.ok && result.error.kind).toBe('server');
    }
  });

  it('answers offline after close, without fetching', async () => {
    const { transport, calls } = transportWith([]);
    transport.close();
    const result = await transport.pull({ cursor: 0, limit: 1 });
    expect(!result.ok && result.error.kind).toBe('offline');
    expect(calls).toHaveLength(0);
  });
});

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly handlers = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
  send(type: string, data: string) {
    for (const h of this.handlers.get(type) ?? []) h(new MessageEvent(type, { data }));
  }
}

describe('http transport: event stream', () => {
  function withStream() {
    const sources: FakeEventSource[] = [];
    const setup = transportWith([], {
      openEventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
    });
    return { ...setup, sources };
  }

  it('opens one stream with the token and relays versions and the connected state', () => {
    const { transport, sources } = withStream();
    const versions: number[] = [];
    const states: boolean[] = [];
    const stop = transport.subscribe?.(
      (a) => versions.push(a.version),
      (c) => states.push(c),
    );
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe(`${SERVER}/api/v1/events?token=tok%20en`);
    sources[0]?.open();
    sources[0]?.send('version', JSON.stringify({ version: 12 }));
    sources[0]?.send('version', 'garbage');
    sources[0]?.send('version', JSON.stringify({ version: -1 }));
    sources[0]?.fail(false);
    expect(versions).toEqual([12]);
    expect(states).toEqual([true, false]);
    stop?.();
    expect(sources[0]?.closed).toBe(true);
  });

  it('shares the stream with presence listeners and keeps it while either listens', () => {
    const { transport, sources } = withStream();
    const seen: string[] = [];
    const stopPresence = transport.subscribePresence((a) =>
      seen.push(`${a.reportId}:${String(a.users.length)}`),
    );
    const stopVersions = transport.subscribe?.(
      () => undefined,
      () => undefined,
    );
    expect(sources).toHaveLength(1);
    sources[0]?.send(
      'presence',
      JSON.stringify({
        reportId: 'r-1',
        users: [{ userId: 'u-2', displayName: 'B', editing: false }],
      }),
    );
    sources[0]?.send('presence', JSON.stringify({ reportId: 'r-1' }));
    expect(seen).toEqual(['r-1:1']);
    stopVersions?.();
    expect(sources[0]?.closed).toBe(false);
    stopPresence();
    expect(sources[0]?.closed).toBe(true);
  });

  it('opens a new stream later when the browser gave up on it', () => {
    const { transport, sources, scheduler } = withStream();
    transport.subscribe?.(
      () => undefined,
      () => undefined,
    );
    sources[0]?.fail(true);
    expect(sources).toHaveLength(1);
    scheduler.fire(EVENTS_REOPEN_MS);
    expect(sources).toHaveLength(2);
    expect(sources[1]?.closed).toBe(false);
  });

  it('has no subscribe without an event source (the engine polls)', () => {
    const { transport } = transportWith([]);
    expect(transport.subscribe).toBeUndefined();
  });
});

describe('http transport: attachment downloads', () => {
  type FileAnswer =
    { status: number; body: Uint8Array | string; type?: string } | Error | 'hang' | 'break-body';
  function downloadWith(answer: FileAnswer) {
    const scheduler = manualScheduler();
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchFn = ((url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (answer === 'hang') {
        return new Promise((_, reject) => {
          init.signal?.addEventListener('abort', () => {
            reject(new DOMException('The operation was aborted', 'AbortError'));
          });
        });
      }
      if (answer instanceof Error) return Promise.reject(answer);
      if (answer === 'break-body') {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array([1, 2]));
            controller.error(new TypeError('network error'));
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }
      const headers = answer.type === undefined ? undefined : { 'content-type': answer.type };
      return Promise.resolve(
        new Response(answer.body as BodyInit, {
          status: answer.status,
          ...(headers && { headers }),
        }),
      );
    }) as unknown as typeof fetch;
    const transport = createHttpTransport({
      serverUrl: `${SERVER}/`,
      token: 'tok en',
      fetch: fetchFn,
      scheduler,
      timeoutMs: 1000,
      downloadTimeoutMs: 5000,
    });
    return { transport, calls, scheduler };
  }

  it('gets the file with the bearer token and answers its bytes and media type', async () => {
    const { transport, calls, scheduler } = downloadWith({
      status: 200,
      body: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
      type: 'Application/PDF; charset=binary',
    });
    const answer = await transport.downloadAttachment('att 1');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${SERVER}/api/v1/attachments/att%201`);
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.headers).toEqual({ authorization: 'Bearer tok en' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.mimeType).toBe('application/pdf');
    expect([...new Uint8Array(answer.value.bytes)]).toEqual([0x25, 0x50, 0x44, 0x46]);
    expect(scheduler.size()).toBe(0);
  });

  it('answers 401 as unauthorized with the server message', async () => {
    const { transport } = downloadWith({
      status: 401,
      body: JSON.stringify({ error: { code: 'auth/expired', message: 'Session expired' } }),
      type: 'application/json',
    });
    expect(await transport.downloadAttachment('att-1')).toEqual({
      ok: false,
      error: { kind: 'unauthorized', status: 401, message: 'auth/expired: Session expired' },
    });
  });

  it('answers 404 as a client failure with status 404', async () => {
    const { transport } = downloadWith({
      status: 404,
      body: JSON.stringify({ error: { code: 'attachment/not-found', message: 'No such file' } }),
      type: 'application/json',
    });
    expect(await transport.downloadAttachment('att-1')).toEqual({
      ok: false,
      error: { kind: 'client', status: 404, message: 'attachment/not-found: No such file' },
    });
  });

  it('answers a 5xx without a JSON body as a server failure', async () => {
    const { transport } = downloadWith({ status: 502, body: '<html>bad gateway</html>' });
    expect(await transport.downloadAttachment('att-1')).toEqual({
      ok: false,
      error: { kind: 'server', status: 502, message: 'HTTP 502' },
    });
  });

  it('answers a network error as offline', async () => {
    const { transport } = downloadWith(new TypeError('Failed to fetch'));
    expect(await transport.downloadAttachment('att-1')).toEqual({
      ok: false,
      error: { kind: 'offline', message: 'Failed to fetch' },
    });
  });

  it('answers a body that breaks off as offline', async () => {
    const { transport } = downloadWith('break-body');
    const answer = await transport.downloadAttachment('att-1');
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.kind).toBe('offline');
  });

  it('gives up after the download deadline as offline', async () => {
    const { transport, scheduler } = downloadWith('hang');
    const pending = transport.downloadAttachment('att-1');
    await Promise.resolve();
    scheduler.fire(5000);
    expect(await pending).toEqual({
      ok: false,
      error: { kind: 'offline', message: 'The file did not arrive within 5 s' },
    });
  });

  it('refuses to download once closed', async () => {
    const { transport, calls } = downloadWith({ status: 200, body: new Uint8Array([1]) });
    transport.close();
    expect(await transport.downloadAttachment('att-1')).toEqual({
      ok: false,
      error: { kind: 'offline', message: 'The connection is closed' },
    });
    expect(calls).toHaveLength(0);
  });
});
