import { createServer, Server, Socket, connect } from 'node:net';

/** One client's connection through the proxy, with what it holds back while the server is silent. */
interface ProxiedPair {
  readonly id: number;
  readonly client: Socket;
  readonly upstream: Socket;
  readonly toServer: Buffer[];
  readonly toClient: Buffer[];
}

/**
 * A TCP proxy in front of a server, to make it unreachable, silent, and reachable again from a
 * ledger's point of view without touching the server itself:
 * - `cutOff` drops every connection and refuses new ones (the port is closed), `restore` listens on
 *   the same port again;
 * - `freeze` keeps every connection open and accepts new ones but passes nothing either way, as a
 *   server that hangs or a network that drops packets would; `thaw` delivers what was held;
 * - `holdRepliesAfter(marker)` passes what clients send, and once a client has sent bytes
 *   containing `marker`, holds the server's replies (to everyone) until `thaw`: the server did the
 *   work, the client never hears of it.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<ProxiedPair>();
  private frozen = false;
  private holdingReplies = false;
  private replyHoldMarker: Buffer | undefined;
  private pairsOpened = 0;
  /** The local ports of the proxy's open connections to the server, to find them on the server's side. */
  readonly upstreamPorts = new Set<number>();

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const probe = createServer();
    const port = await new Promise<number>((done) => probe.listen(0, '127.0.0.1', () => done((probe.address() as { port: number }).port)));
    await new Promise((done) => probe.close(done));
    const proxy = new TcpProxy(target, port);
    await proxy.restore();
    return proxy;
  }

  async restore(): Promise<void> {
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', () => done());
    });
    this.server = server;
  }

  async cutOff(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    this.pairs.clear();
    if (server) await new Promise((done) => server.close(done));
  }

  freeze(): void {
    this.frozen = true;
  }

  holdRepliesAfter(marker: string): void {
    this.replyHoldMarker = Buffer.from(marker);
  }

  /** Passes everything again, first what was held, in the order it came. */
  thaw(): void {
    this.frozen = false;
    this.holdingReplies = false;
    this.replyHoldMarker = undefined;
    for (const pair of this.pairs) {
      for (const chunk of pair.toServer.splice(0)) pair.upstream.write(chunk);
      for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
    }
  }

  close(): Promise<void> {
    return this.cutOff();
  }

  /** Ids of the connections open now, numbered in the order clients opened them. */
  openConnections(): number[] {
    return [...this.pairs].map((pair) => pair.id);
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    this.pairsOpened += 1;
    const pair: ProxiedPair = { id: this.pairsOpened, client, upstream, toServer: [], toClient: [] };
    this.pairs.add(pair);
    upstream.once('connect', () => {
      const port = upstream.localPort;
      if (port === undefined) return;
      this.upstreamPorts.add(port);
      upstream.once('close', () => this.upstreamPorts.delete(port));
    });
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.once('close', () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      if (this.frozen) {
        pair.toServer.push(chunk);
        return;
      }
      upstream.write(chunk);
      if (this.replyHoldMarker !== undefined && chunk.includes(this.replyHoldMarker)) this.holdingReplies = true;
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.frozen || this.holdingReplies) pair.toClient.push(chunk);
      else client.write(chunk);
    });
  }
}
