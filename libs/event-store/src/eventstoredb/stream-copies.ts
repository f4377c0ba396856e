import { AppendResult } from '../event-store.port';
import { toBigInt } from './bigint';
import { eventRecordId } from './deterministic-id';
import { EsdbClient, EsdbExpectedRevision } from './esdb-client.port';
import { isWrongExpectedVersion } from './esdb-errors';
import { readExisting, streamLength } from './esdb-reads';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { decodeLogEvent, LedgerRecord } from './ledger-record';
import { decodeStreamEntry, toLinkEvent } from './stream-links';

/** A stream's appends in revision order, from the one holding `revision` on (the ledger index's `appendsTo`). */
export type AppendsFrom = (revision: number) => readonly AppendResult[];

/**
 * Keeps each ledger stream's own EventStoreDB stream (its "copy") level with its events in the
 * log, as links to them (see `stream-links.ts`). The log is the record (an append is committed once
 * it is there); the copy lets `readStream` read one stream in one call, and EventStoreDB tools see
 * ordinary streams. A copy is written after the commit, so it may lag (its writer failed or stopped
 * in between) but never leads; whoever next appends to the stream, reads a range of it that reaches
 * what is missing, or opens the store, writes what is missing.
 *
 * Every write names the exact revision it continues and carries link ids derived from the command,
 * so two instances linking the same append cannot write it twice: the second write either is
 * recognised by EventStoreDB as a repeat, or fails its expected revision and is then checked
 * against what the stream holds.
 */
export class StreamCopier {
  constructor(
    private readonly client: EsdbClient,
    private readonly logStream: string,
  ) {}

  /**
   * Writes the append just committed, assuming the copy holds every earlier one; false when it
   * does not (then `copyMissing` must run), true once the append is in the copy.
   */
  async copyLatest(esdbStream: string, records: readonly LedgerRecord[]): Promise<boolean> {
    try {
      await this.write(esdbStream, records);
      return true;
    } catch (error) {
      if (isWrongExpectedVersion(error)) return false;
      throw error;
    }
  }

  /**
   * Links, in order, every append of the stream (as the log lists them) the copy does not hold.
   * `appendsFrom(revision)` lists the stream's appends from the one holding that revision on;
   * `present` is the copy's length when the caller has just read it.
   */
  async copyMissing(stream: string, esdbStream: string, appendsFrom: AppendsFrom, present?: number): Promise<void> {
    present ??= await streamLength(this.client, esdbStream);
    for (const append of appendsFrom(present)) {
      const first = firstRevisionOf(append);
      if (append.streamRevision < present) continue;
      if (first !== present) {
        throw new LedgerIntegrityError(`${esdbStream} holds ${present} events, which ends inside the append at ${stream}@${first}..${append.streamRevision}`);
      }
      const records = await this.readFromLog(append);
      try {
        await this.write(esdbStream, records);
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        // EventStoreDB recognises a repeated write only while it remembers the ids (a bounded
        // cache): when it does not, check the stream itself before calling the copy damaged.
        await this.assertCopied(stream, esdbStream, records);
      }
      present = append.streamRevision + 1;
    }
  }

  /**
   * Brings a lagging copy level with the log, whose last event of the stream is at `lastRevision`
   * (-1 for none); true when it had to write. A level copy costs one read of its last event. A
   * copy longer than the log is left for `readStream` to report.
   */
  async levelUp(stream: string, esdbStream: string, lastRevision: number, appendsFrom: AppendsFrom): Promise<boolean> {
    if (lastRevision < 0) return false;
    const present = await streamLength(this.client, esdbStream);
    if (present > lastRevision) return false;
    await this.copyMissing(stream, esdbStream, appendsFrom, present);
    return true;
  }

  private async write(esdbStream: string, records: readonly LedgerRecord[]): Promise<void> {
    const first = records[0]?.event.streamRevision ?? 0;
    const expectedRevision: EsdbExpectedRevision = first === 0 ? 'no_stream' : toBigInt(first - 1, 'stream revision');
    await this.client.appendToStream(
      esdbStream,
      records.map((record) => toLinkEvent(record, this.logStream)),
      { expectedRevision },
    );
  }

  private async readFromLog(append: AppendResult): Promise<LedgerRecord[]> {
    const size = append.lastPosition - append.firstPosition + 1;
    const records: LedgerRecord[] = [];
    const range = { fromRevision: toBigInt(append.firstPosition - 1, 'log revision'), maxCount: size };
    for await (const resolved of readExisting(this.client, this.logStream, range)) records.push(decodeLogEvent(resolved));
    if (records.length !== size) {
      throw new LedgerIntegrityError(`the log holds ${records.length} of the ${size} events at positions ${append.firstPosition}..${append.lastPosition}`);
    }
    return records;
  }

  private async assertCopied(stream: string, esdbStream: string, records: readonly LedgerRecord[]): Promise<void> {
    const first = records[0];
    if (first === undefined) return;
    const range = { fromRevision: toBigInt(first.event.streamRevision, 'stream revision'), maxCount: records.length, resolveLinkTos: true };
    // What each entry stands for: a link's target, an old full copy itself. Both carry the log
    // event's id, so an entry written by an earlier version (a full copy) counts as present.
    const found: string[] = [];
    for await (const resolved of readExisting(this.client, esdbStream, range)) {
      decodeStreamEntry(resolved, stream, this.logStream);
      found.push(resolved.event?.id ?? '');
    }
    const expected = records.map((record) => eventRecordId(record.event.metadata.commandId, record.event.position - record.batch.firstPosition));
    if (found.join() !== expected.join()) {
      throw new LedgerIntegrityError(`${esdbStream} holds other events than the log's at ${stream}@${first.event.streamRevision}: something else writes to it`);
    }
  }
}

export function firstRevisionOf(append: AppendResult): number {
  return append.streamRevision - (append.lastPosition - append.firstPosition);
}
