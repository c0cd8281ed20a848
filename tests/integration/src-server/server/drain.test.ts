import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../../src-server/db/db';
import { describeEachBackend } from '../../../support/test-db';
import { startTestServer, type TestServer } from '../../../support/test-server';

/** A database whose user lookups wait until `release()`: a request held in progress. */
function holdingUserLookups(db: Db): { db: Db; release: () => void; held: Promise<void> } {
  let release!: () => void;
  let markHeld!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held = new Promise<void>((resolve) => {
    markHeld = resolve;
  });
  const holding: Db = {
    ...db,
    async query(sql, params) {
      if (sql.includes('FROM users WHERE username')) {
        markHeld();
        await gate;
      }
      return db.query(sql, params);
    },
  };
  return {
    db: holding,
    release: () => {
      release();
    },
    held,
  };
}

describeEachBackend('graceful shutdown', (backend) => {
  let server: TestServer;
  let holding: ReturnType<typeof holdingUserLookups>;
  beforeAll(async () => {
    server = await startTestServer(backend, {
      wrapDb: (db) => {
        holding = holdingUserLookups(db);
        return holding.db;
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finishes a request in progress, closes its connection, then stops', async () => {
    const port = Number(new URL(server.url).port);
    const body = JSON.stringify({ username: 'admin-a', password: server.fixtures.password });
    // A raw keep-alive connection, so we see exactly what the server does with it.
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const socketClosed = new Promise<void>((resolve) => {
      socket.on('close', () => {
        resolve();
      });
    });
    await new Promise<void>((resolve) => {
      socket.on('connect', () => {
        resolve();
      });
    });
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\n` +
        `content-type: application/json\r\ncontent-length: ${String(body.length)}\r\n\r\n${body}`,
    );
    await holding.held;

    let isClosed = false;
    const closing = server.app.close().then(() => (isClosed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(isClosed).toBe(false);

    holding.release();
    await closing;
    await socketClosed;
    expect(received).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(received.toLowerCase()).toContain('connection: close');
    expect(received).toContain('"token"');
  });
});
