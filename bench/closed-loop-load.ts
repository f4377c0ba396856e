import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile, sendJson } from './bench-ledger';

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
      const load = next(connection, sequence);
      const answer = await sendJson(agent, `${baseUrl}${load.path}`, load.method, options.headers ?? {}, load.body);
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
