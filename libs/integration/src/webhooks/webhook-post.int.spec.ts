import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { postWebhook, quotedAnswer } from './webhook-post';

/** A receiver on a loopback port that answers each delivery as `answer` says. */
async function receiver(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

const OPTIONS = { timeoutMs: 400, allowPrivate: true };

describe('one webhook delivery attempt', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const server of opened.splice(0)) await server.close();
  });
  const start = async (answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> => {
    const server = await receiver(answer);
    opened.push(server);
    return server.url;
  };

  it('takes a 2xx status as delivered when it arrives, though the body after it never ends', async () => {
    const url = await start((_request, response) => {
      response.writeHead(200);
      response.write('a');
    });
    expect(await postWebhook(url, '{}', {}, OPTIONS)).toEqual({ status: 200, retryAfter: undefined, error: null });
  });

  it('quotes a failing answer on one line, cut short, with bidi overrides and control characters replaced', async () => {
    const url = await start((_request, response) => {
      response.writeHead(500);
      response.end(`E\u202e<script>\u0007\n${'x'.repeat(5 * 1024 * 1024)}`);
    });
    const outcome = await postWebhook(url, '{}', {}, OPTIONS);
    expect(outcome.status).toBe(500);
    expect(outcome.error).toMatch(/^HTTP 500: E\uFFFD<script>\uFFFD x+$/);
    expect(outcome.error?.length).toBeLessThanOrEqual(600);
  });

  it('keeps the status of a failing answer whose body does not end in time', async () => {
    const url = await start((_request, response) => {
      response.writeHead(503, { 'retry-after': '7' });
      response.write('busy');
    });
    expect(await postWebhook(url, '{}', {}, OPTIONS)).toEqual({ status: 503, retryAfter: '7', error: 'HTTP 503: busy' });
  });

  it('ends an attempt at once when cancelled (the ledger stopping), as cancelled rather than failed', async () => {
    const url = await start(() => undefined);
    const cancel = new AbortController();
    const started = Date.now();
    const attempt = postWebhook(url, '{}', {}, { timeoutMs: 30_000, allowPrivate: true, cancel: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    expect(await attempt).toMatchObject({ status: null, cancelled: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says no answer came when the receiver sends nothing in time', async () => {
    const url = await start(() => undefined);
    expect(await postWebhook(url, '{}', {}, OPTIONS)).toEqual({ status: null, retryAfter: undefined, error: 'no answer within 400 ms' });
  });

  it('quotes a receiver text whose cut fell inside a character without the half left', () => {
    expect(quotedAnswer(502, 'bad \uD83D')).toBe('HTTP 502: bad \uFFFD');
    expect(quotedAnswer(502, ' \n ')).toBe('HTTP 502');
  });
});
