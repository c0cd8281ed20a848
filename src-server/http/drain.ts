// Graceful shutdown: once close() begins, every answer still being produced asks the client to
// close its connection. Otherwise a request in progress when the drain began would leave its
// keep-alive connection open after answering, and close() would wait for the client to hang up.
import type { FastifyInstance } from 'fastify';

export function installDrainOnClose(app: FastifyInstance): void {
  let isClosing = false;
  app.addHook('preClose', (done) => {
    isClosing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (isClosing) reply.header('connection', 'close');
    done(null, payload);
  });
}
