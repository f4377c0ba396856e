/** Where an SSE connection writes: Node's `ServerResponse` is one. */
export interface SseSink {
  write(chunk: string | Uint8Array): boolean;
  end(chunk?: string): unknown;
  destroy(): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  /** Bytes written but not yet taken by the socket: how far the client is behind. */
  readonly writableLength: number;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
}

export interface SseSettings {
  /** A comment is written to every connection at least this often. */
  readonly heartbeatMs: number;
  /** Live events are gathered and written to each socket once per this interval; 0 writes each event at once. */
  readonly flushMs: number;
  /** A live connection with more events than this waiting is closed with an `overflow` message. */
  readonly bufferEvents: number;
  /** Above this many unsent bytes in the socket, nothing more is written to it until it drains. */
  readonly socketHighWaterBytes: number;
  /** What clients are told to wait before reconnecting. */
  readonly retryMs: number;
  /** Streams one key may hold open at once (each holds memory and a socket until it ends); 0 for no limit. */
  readonly streamsPerOwner: number;
}

export const DEFAULT_SSE_SETTINGS: SseSettings = {
  heartbeatMs: 15_000,
  flushMs: 10,
  bufferEvents: 1_000,
  socketHighWaterBytes: 1024 * 1024,
  retryMs: 2_000,
  streamsPerOwner: 100,
};
