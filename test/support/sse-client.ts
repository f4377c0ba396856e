import { ClientRequest, IncomingMessage, request } from 'node:http';

export interface SseMessage {
  readonly id: string | undefined;
  readonly event: string | undefined;
  readonly data: string;
}

/**
 * A Server-Sent Events client over a plain HTTP request, as an integrator's program would hold
 * one: it parses the stream as it arrives, keeps comments apart, and can drop the connection at
 * any moment.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  comments = 0;
  ended = false;
  status = 0;
  contentType = '';
  private buffer = '';
  private outgoing: ClientRequest | undefined;

  static open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (answer: IncomingMessage) => {
        client.status = answer.statusCode ?? 0;
        client.contentType = String(answer.headers['content-type'] ?? '');
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => client.take(chunk));
        answer.on('end', () => (client.ended = true));
        answer.on('error', () => (client.ended = true));
        answer.on('close', () => (client.ended = true));
        resolve(client);
      });
      outgoing.on('error', (error) => (client.status === 0 ? reject(error) : (client.ended = true)));
      outgoing.end();
      client.outgoing = outgoing;
    });
  }

  /** The events received (not the overflow notice), as parsed CloudEvents. */
  get events(): { position: number; id: string; type: string; bodyid: string; data: Record<string, unknown> }[] {
    return this.messages.filter((message) => message.event === undefined).map((message) => JSON.parse(message.data));
  }

  get lastEventId(): string | undefined {
    return this.messages.filter((message) => message.id !== undefined).at(-1)?.id;
  }

  close(): void {
    this.outgoing?.destroy();
    this.ended = true;
  }

  async until(check: (client: SseClient) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this)) {
      if (Date.now() > deadline) throw new Error(`SSE: timed out waiting for ${what}; got ${this.messages.length} messages`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block);
    }
  }

  private parse(block: string): void {
    let id: string | undefined;
    let event: string | undefined;
    const data: string[] = [];
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      fields += 1;
      if (name === 'id') id = value;
      else if (name === 'event') event = value;
      else if (name === 'data') data.push(value);
    }
    if (fields > 0 && data.length > 0) this.messages.push({ id, event, data: data.join('\n') });
  }
}
