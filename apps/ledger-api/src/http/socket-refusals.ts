import type { IncomingMessage } from 'node:http';

/** A request the server refused on its socket before a route answered it: 408, 431, or 400 for what is not HTTP. */
export interface SocketRefusal {
  readonly status: number;
  readonly code: string;
  readonly method: string | null;
  readonly path: string;
}

/**
 * Where the refusals written on a bare socket (`clientError`) are told, so that they are logged
 * and counted as the answers they are, not as clients going away. A refused request Fastify had
 * begun (its headers came, its body did not) ends for Fastify as an abort: its hooks ask `of` and
 * say it with its request id. One Fastify never saw (headers too large, none in time) goes to
 * the listeners instead.
 */
export class SocketRefusals {
  private readonly refused = new WeakMap<IncomingMessage, SocketRefusal>();
  private readonly listeners: ((refusal: SocketRefusal) => void)[] = [];

  /** `request`: the request refused, where Fastify had begun it. */
  record(refusal: SocketRefusal, request: IncomingMessage | undefined): void {
    if (request !== undefined) this.refused.set(request, refusal);
    else for (const listener of this.listeners) listener(refusal);
  }

  /** The refusal of a request Fastify had begun, if the server refused it. */
  of(request: IncomingMessage): SocketRefusal | undefined {
    return this.refused.get(request);
  }

  /** Called for each refusal of a request Fastify never saw. */
  onUnseen(listener: (refusal: SocketRefusal) => void): void {
    this.listeners.push(listener);
  }
}
