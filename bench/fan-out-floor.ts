import { createServer, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * The physical floor of the fan-out benchmark, run as a child process of `fan-out.bench.ts`: a bare
 * Node HTTP server that makes up events itself at the benchmark's rate, with the same shape and
 * size as the ledger's CloudEvents, and writes them to every SSE connection the cheapest way Node
 * allows: one Buffer per flush interval, shared by every socket. No store, no commands, no
 * envelopes: what is left is Node's HTTP write path and the kernel's loopback TCP, on one thread,
 * which is what any single-process fan-out of these bytes must pay on this machine.
 */

export type ToFloor = { readonly kind: 'produce'; readonly rate: number; readonly total: number; readonly flushMs: number };
export type FromFloor =
  { readonly kind: 'listening'; readonly port: number } | { readonly kind: 'produced'; readonly lastPosition: number; readonly elapsedMs: number };

/** A ParticipantAdmitted CloudEvent as the ledger serialises it, to the byte but for ids and times. */
function eventJson(position: number, recordedAt: string): string {
  const participant = `p${position % 100}`;
  return JSON.stringify({
    specversion: '1.0',
    id: `01a22c21-5af0-78e7-a09e-${position.toString(16).padStart(12, '0')}`,
    source: 'http://localhost:39111/v1/bodies/w0-b0',
    type: 'org.concordledger.ParticipantAdmitted.v1',
    subject: 'body-w0-b0',
    time: '2003-01-01T00:00:00.000Z',
    datacontenttype: 'application/json',
    dataschema: 'http://localhost:39111/v1/schemas/ParticipantAdmitted/v1',
    sequence: String(position).padStart(20, '0'),
    position,
    recordedat: recordedAt,
    bodyid: 'w0-b0',
    actor: 'secretariat-8da01a9b6b93',
    correlationid: `01a22c21-5af0-7b31-ab8a-${position.toString(16).padStart(12, '0')}`,
    causationid: null,
    data: { bodyId: 'w0-b0', participantId: participant, name: `Participant ${participant}`, kind: 'state', occurredAt: '2003-01-01T00:00:00.000Z' },
  });
}

class FloorServer {
  private readonly sockets = new Set<ServerResponse>();
  private pending: string[] = [];
  private position = 0;

  readonly server = createServer((incoming, answer) => {
    answer.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    incoming.socket.setNoDelay(true);
    answer.write('retry: 2000\n\n');
    this.sockets.add(answer);
    answer.on('close', () => this.sockets.delete(answer));
  });

  /** Makes `total` events at `rate`/s, each stamped when made, and fans them out; resolves after the last write. */
  async produce(rate: number, total: number, flushMs: number): Promise<FromFloor> {
    const started = performance.now();
    const flusher = flushMs > 0 ? setInterval(() => this.flush(), flushMs) : undefined;
    while (this.position < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
      while (this.position < due) this.make(flushMs === 0);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    if (flusher !== undefined) clearInterval(flusher);
    this.flush();
    return { kind: 'produced', lastPosition: this.position, elapsedMs: performance.now() - started };
  }

  private make(writeAtOnce: boolean): void {
    this.position += 1;
    this.pending.push(`id: ${this.position}\ndata: ${eventJson(this.position, new Date().toISOString())}\n\n`);
    if (writeAtOnce) this.flush();
  }

  /** The batch is encoded once and the same bytes go to every socket. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = Buffer.from(this.pending.join(''));
    this.pending = [];
    for (const socket of this.sockets) socket.write(batch);
  }
}

function serve(): void {
  const floor = new FloorServer();
  floor.server.listen(0, '127.0.0.1', () => process.send?.({ kind: 'listening', port: (floor.server.address() as AddressInfo).port } satisfies FromFloor));
  process.on('message', (message: ToFloor) => {
    void floor.produce(message.rate, message.total, message.flushMs).then((answer) => process.send?.(answer));
  });
  process.on('disconnect', () => process.exit(0));
}

if (require.main === module) serve();
