import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../libs/integration/src/webhooks/webhook-signature';

export interface Delivery {
  readonly webhookId: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly contentType: string;
  readonly body: string;
  readonly position: number;
  readonly answered: number;
}

/** How the receiver answers the n-th attempt (from 1) at one webhook-id. */
export type Answer = (attempt: number, webhookId: string) => { status: number; headers?: Record<string, string> };

/**
 * A webhook receiver on loopback, as an integrator would write one: it records every attempt,
 * checks the signature with the secret it is given, and de-duplicates by `webhook-id`.
 */
export class WebhookReceiver {
  readonly attempts: Delivery[] = [];
  secret = '';
  private readonly attemptsById = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    private readonly answer: Answer,
    private delayMs: number,
  ) {}

  /** Answers after a delay read at each request, until `restore`. */
  answerAfter(delay: () => number): { restore: () => void } {
    const original = this.delayMs;
    this.delay = delay;
    return { restore: () => (this.delay = () => original) };
  }

  private delay: () => number = () => this.delayMs;

  static async start(answer: Answer = () => ({ status: 204 }), delayMs = 0): Promise<WebhookReceiver> {
    // Requests arrive only once it listens, after `receiver` is set.
    const server = createServer((request, response) => receiver.handle(request, response));
    const receiver = new WebhookReceiver(server, answer, delayMs);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/concord`;
  }

  /** The deliveries answered 2xx, first of each webhook-id only: what the integrator processes. */
  get processed(): Delivery[] {
    const seen = new Set<string>();
    return this.attempts.filter((delivery) => {
      if (delivery.answered < 200 || delivery.answered > 299 || seen.has(delivery.webhookId)) return false;
      seen.add(delivery.webhookId);
      return true;
    });
  }

  verified(delivery: Delivery): boolean {
    return verifyWebhook(
      this.secret,
      { 'webhook-id': delivery.webhookId, 'webhook-timestamp': delivery.timestamp, 'webhook-signature': delivery.signature },
      delivery.body,
    );
  }

  async until(check: (receiver: WebhookReceiver) => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this)) {
      if (Date.now() > deadline) throw new Error(`webhook receiver: timed out waiting for ${what}; ${this.attempts.length} attempts so far`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const webhookId = String(request.headers['webhook-id'] ?? '');
      const attempt = (this.attemptsById.get(webhookId) ?? 0) + 1;
      this.attemptsById.set(webhookId, attempt);
      const { status, headers = {} } = this.answer(attempt, webhookId);
      setTimeout(() => {
        this.attempts.push({
          webhookId,
          timestamp: String(request.headers['webhook-timestamp'] ?? ''),
          signature: String(request.headers['webhook-signature'] ?? ''),
          contentType: String(request.headers['content-type'] ?? ''),
          body,
          position: (JSON.parse(body) as { position: number }).position,
          answered: status,
        });
        response.writeHead(status, headers).end();
      }, this.delay());
    });
  }
}
