// The postMessage RPC over a real MessageChannel: calls matched to answers by id, exceptions
// returned as failures of that call only, events pushed to the caller, closing rejects waiters.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectRpc,
  RpcError,
  serveRpc,
  withTransfer,
  type MessagePortLike,
} from '../../../../src-renderer/sync/rpc';

const open: MessagePort[] = [];
function channel(): [MessagePortLike, MessagePortLike] {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return [port1 as unknown as MessagePortLike, port2 as unknown as MessagePortLike];
}
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

const handlers = {
  add: (a: number, b: number) => a + b,
  slowEcho: async (text: string, ms: number) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return text;
  },
  fail: (): number => {
    throw new Error('boom');
  },
  never: () => new Promise<never>(() => undefined),
};

describe('rpc', () => {
  it('answers each call with its own result, also out of order', async () => {
    const [a, b] = channel();
    serveRpc(b, handlers);
    const client = connectRpc<typeof handlers>(a);
    const slow = client.call('slowEcho', 'slow', 30);
    const fast = client.call('slowEcho', 'fast', 0);
    await expect(client.call('add', 2, 3)).resolves.toBe(5);
    expect(await Promise.all([slow, fast])).toEqual(['slow', 'fast']);
  });

  it('returns a handler exception as a failure of that call only', async () => {
    const [a, b] = channel();
    serveRpc(b, handlers);
    const client = connectRpc<typeof handlers>(a);
    const failed = client.call('fail');
    await expect(failed).rejects.toBeInstanceOf(RpcError);
    await expect(failed).rejects.toThrow('boom');
    await expect(client.call('add', 1, 1)).resolves.toBe(2);
  });

  it('refuses an unknown method', async () => {
    const [a, b] = channel();
    serveRpc(b, handlers);
    const client = connectRpc<Record<string, () => unknown>>(a);
    await expect(client.call('toString')).rejects.toThrow('Unknown method toString');
  });

  it('pushes events to every listener until it unsubscribes', async () => {
    const [a, b] = channel();
    const server = serveRpc<{ n: number }>(b, handlers);
    const client = connectRpc<typeof handlers, { n: number }>(a);
    const seen: number[] = [];
    const unsubscribe = client.onEvent((e) => seen.push(e.n));
    server.emit({ n: 1 });
    await client.call('add', 0, 0);
    unsubscribe();
    server.emit({ n: 2 });
    await client.call('add', 0, 0);
    expect(seen).toEqual([1]);
  });

  it('waits for `before` ahead of every handler', async () => {
    const [a, b] = channel();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    serveRpc(b, handlers, { before: () => gate });
    const client = connectRpc<typeof handlers>(a);
    let answered = false;
    const call = client.call('add', 1, 2).then((v) => {
      answered = true;
      return v;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    await expect(call).resolves.toBe(3);
  });

  it('rejects the calls still waiting when closed, and later calls at once', async () => {
    const [a, b] = channel();
    serveRpc(b, handlers);
    const client = connectRpc<typeof handlers>(a);
    const waiting = client.call('never');
    client.close('worker gone');
    await expect(waiting).rejects.toThrow('worker gone');
    await expect(client.call('add', 1, 1)).rejects.toThrow('worker gone');
  });

  it('moves a buffer marked for transfer to the caller instead of copying it', async () => {
    const [a, b] = channel();
    const sent: ArrayBuffer[] = [];
    const fileHandlers = {
      file: () => {
        const bytes = new Uint8Array([1, 2, 3]).buffer;
        sent.push(bytes);
        return withTransfer({ name: 'a.pdf', bytes }, [bytes]);
      },
      copy: () => {
        const bytes = new Uint8Array([4, 5]).buffer;
        sent.push(bytes);
        return { bytes };
      },
    };
    serveRpc(b, fileHandlers);
    const client = connectRpc<typeof fileHandlers>(a);
    const moved = await client.call('file');
    expect(moved.name).toBe('a.pdf');
    expect([...new Uint8Array(moved.bytes)]).toEqual([1, 2, 3]);
    // Transferred: the serving side's buffer is detached.
    expect(sent[0]?.byteLength).toBe(0);
    const copied = await client.call('copy');
    expect([...new Uint8Array(copied.bytes)]).toEqual([4, 5]);
    expect(sent[1]?.byteLength).toBe(2);
  });
});
