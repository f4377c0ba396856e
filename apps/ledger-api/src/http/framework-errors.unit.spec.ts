import type { ConnectionError } from 'fastify';
import type { Socket } from 'node:net';
import { clientError } from './framework-errors';

/** A socket as Node hands one to `clientError`, with the answer it is writing, if any, in Node's own field. */
function socketWith(answerInFlight?: { headersSent: boolean; req: { complete: boolean } }): { socket: Socket; written: string[]; destroyed: () => boolean } {
  const written: string[] = [];
  let destroyed = false;
  const socket = {
    writable: true,
    _httpMessage: answerInFlight ?? null,
    end: (text: string) => written.push(text),
    destroy: () => (destroyed = true),
  };
  return { socket: socket as unknown as Socket, written, destroyed: () => destroyed };
}

const timedOut = Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT', rawPacket: Buffer.from('GET /health HTTP/1.1\r\n') });

describe('clientError', () => {
  it('answers 408 on a connection that owes no other answer', () => {
    const { socket, written, destroyed } = socketWith();
    clientError(timedOut as unknown as ConnectionError, socket);
    expect({ status: written[0]?.split('\r\n')[0], destroyed: destroyed() }).toEqual({ status: 'HTTP/1.1 408 Request Timeout', destroyed: false });
  });

  it("answers 408 when the answer in flight is the late request's own: its headers came, its body did not", () => {
    const { socket, written } = socketWith({ headersSent: false, req: { complete: false } });
    clientError(timedOut as unknown as ConnectionError, socket);
    expect(written[0]).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes without an answer a connection that owes one to an earlier request that arrived whole, which would read the 408 as its own', () => {
    const { socket, written, destroyed } = socketWith({ headersSent: false, req: { complete: true } });
    clientError(timedOut as unknown as ConnectionError, socket);
    expect({ written, destroyed: destroyed() }).toEqual({ written: [], destroyed: true });
  });

  it('closes without an answer a connection whose answer has begun', () => {
    const { socket, written, destroyed } = socketWith({ headersSent: true, req: { complete: false } });
    clientError(timedOut as unknown as ConnectionError, socket);
    expect({ written, destroyed: destroyed() }).toEqual({ written: [], destroyed: true });
  });
});
