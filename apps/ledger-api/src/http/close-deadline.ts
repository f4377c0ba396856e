import type { FastifyInstance } from 'fastify';

/**
 * A stop lets requests in flight finish, but not for ever: connections still open after the
 * deadline (a client that keeps a stream's socket without reading, say) are cut, so a shutdown
 * or a rolling restart never hangs on a client.
 */
export function closeWithinDeadline(fastify: FastifyInstance, deadlineMs: number, beforeCutting: () => void = () => undefined): void {
  fastify.addHook('preClose', (done) => {
    setTimeout(() => {
      // Said before the connections go: once they are cut the process may end before their requests' own hooks run.
      beforeCutting();
      fastify.server.closeAllConnections();
    }, deadlineMs).unref();
    done();
  });
}
