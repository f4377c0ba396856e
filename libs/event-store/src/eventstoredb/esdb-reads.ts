import { toSafeInteger } from './bigint';
import { EsdbClient, EsdbReadStreamOptions, EsdbResolvedEvent } from './esdb-client.port';
import { isStreamNotFound } from './esdb-errors';

/**
 * The stream's events as the client streams them, one at a time (the caller's pace is the read's
 * pace: no buffering of whole streams here). A stream that does not exist reads as empty: the
 * client reports it by failing the iteration, not the call, so it is caught around the loop.
 */
export async function* readExisting(
  client: EsdbClient,
  streamName: string,
  options: EsdbReadStreamOptions = {},
): AsyncGenerator<EsdbResolvedEvent, void, undefined> {
  try {
    for await (const resolved of client.readStream(streamName, options)) yield resolved;
  } catch (error) {
    if (isStreamNotFound(error)) return;
    throw error;
  }
}

/** How many events the stream holds: its last revision + 1, read backwards from the end; 0 when missing. */
export async function streamLength(client: EsdbClient, streamName: string): Promise<number> {
  for await (const resolved of readExisting(client, streamName, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })) {
    if (resolved.event !== undefined) return toSafeInteger(resolved.event.revision, `revision of ${streamName}`) + 1;
  }
  return 0;
}
