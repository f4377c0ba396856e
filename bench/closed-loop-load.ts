import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './bench-ledger';

/** One request of a load: what to send, built per connection and per sequence number. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

export interface LoadFigures {
  readonly requests: number;
  readonly failures: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The first failed answer, to say why. */
  readonly firstFailure?: string;
}

/**
 * A closed loop, like autocannon's: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer arrived, for `durationMs`. An answer other than 2xx
 * counts as a failure. Latencies are from writing the request to the end of the answer.
 */
export async function closedLoop(
  baseUrl: string,
  options: { connections: number; durationMs: number; headers?: Record<string, string> },
  next: (connection: number, sequence: number) => LoadRequest,
): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const loop = async (connection: number): Promise<void> => {
    for (let sequence = 0; performance.now() < deadline; sequence += 1) {
      const sent = performance.now();
      const answer = await send(agent, baseUrl, next(connection, sequence), options.headers ?? {});
      latencies.push(performance.now() - sent);
      if (answer.status < 200 || answer.status > 299) {
        failures += 1;
        firstFailure ??= `${answer.status} ${answer.text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, connection) => loop(connection)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    ...(firstFailure === undefined ? {} : { firstFailure }),
  };
}

function send(agent: Agent, baseUrl: string, load: LoadRequest, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const payload = load.body === undefined ? undefined : JSON.stringify(load.body);
  return new Promise((done, fail) => {
    const outgoing = request(`${baseUrl}${load.path}`, {
      method: load.method,
      agent,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    outgoing.on('error', fail);
    outgoing.on('response', (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (text += chunk));
      answer.on('error', fail);
      answer.on('end', () => done({ status: answer.statusCode ?? 0, text }));
    });
    outgoing.end(payload);
  });
}
