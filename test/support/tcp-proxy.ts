import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of a server, to make it unreachable and reachable again from a ledger's
 * point of view without touching the server itself: `cutOff` drops every connection and refuses
 * new ones (the port is closed), `restore` listens on the same port again.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
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
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise((done) => server.close(done));
  }

  close(): Promise<void> {
    return this.cutOff();
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    upstream.once('connect', () => {
      const port = upstream.localPort;
      if (port === undefined) return;
      this.upstreamPorts.add(port);
      upstream.once('close', () => this.upstreamPorts.delete(port));
    });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
