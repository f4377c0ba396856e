import { connect } from 'node:net';
import { HttpAnswer } from './ledger-harness';

export interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  readonly received: string;
  /** From the first byte sent to the connection's close. */
  readonly closedAfterMs: number;
}

/**
 * Sends a request over a plain TCP connection in pieces, `pauseMs` apart, as a slow client would,
 * and reads until the server closes the connection (or `giveUpMs` passes, when it destroys it).
 */
export async function sendInPieces(baseUrl: string, pieces: readonly string[], pauseMs: number, giveUpMs: number): Promise<RawExchange> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => undefined);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise((done) => socket.once('close', done));
  await new Promise((done) => socket.once('connect', done));
  const started = Date.now();
  const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
  for (const [index, piece] of pieces.entries()) {
    if (index > 0) await new Promise((done) => setTimeout(done, pauseMs));
    if (socket.destroyed) break;
    socket.write(piece);
  }
  await closed;
  clearTimeout(giveUp);
  return { received, closedAfterMs: Date.now() - started };
}

/** The first answer in raw HTTP/1.1 text, as the harness's answers are. */
export function firstAnswer(received: string): HttpAnswer {
  const [head = '', ...rest] = received.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = new Headers();
  for (const line of headerLines) headers.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
  const text = rest.join('\r\n\r\n');
  return { status: Number(statusLine.split(' ')[1]), headers, body: (text ? JSON.parse(text) : {}) as HttpAnswer['body'] };
}
