import { characterCount, isNormalisedDateTime, latestOccurredAt, parseStream, TEXT_LIMITS } from '@concord/governance';
import { EventToAppend } from '@concord/event-store';
import { eventRecordProblem } from './event-record-problem';
import { firstUnexportedField } from './exported-fields';
import { firstDuplicateField } from '@concord/verifier';

/** An exported event read back: where it stood in the log, and the event to append again. */
export interface ImportedEvent {
  readonly position: number;
  readonly stream: string;
  readonly streamRevision: number;
  readonly event: EventToAppend;
}

/** The first thing wrong with a line, with its number: the import stops there, having written nothing. */
export class InvalidLineError extends Error {
  override readonly name = 'InvalidLineError';

  constructor(
    readonly lineNumber: number,
    problem: string,
  ) {
    super(`line ${lineNumber}: ${problem}`);
  }
}

/**
 * Checks each line of an export in order: a complete envelope, a known event type whose data its
 * JSON Schema accepts, positions that continue the log without a gap from 1, and stream revisions
 * that continue each stream, and both timelines sane: nothing occurred after it was recorded, and
 * nothing was recorded after the import itself (a recordedAt in the future would hide the rest of
 * the ledger from every `asOf` question). A partial export (`--from` > 1) cannot be loaded alone.
 */
export class ImportValidator {
  /** The ledger's own rules are judged apart, by `ImportRules`. */
  constructor(private readonly now: Date = new Date()) {}

  private nextPosition = 1;
  private readonly nextRevision = new Map<string, number>();
  private readonly eventIds = new Set<string>();
  /** Each command id met, with the line that first gave it; and the command of the line before. */
  private readonly commandLines = new Map<string, number>();
  private previousCommand: { readonly commandId: string; readonly stream: string } | undefined;

  check(line: string, lineNumber: number): ImportedEvent {
    const fail = (problem: string): never => {
      throw new InvalidLineError(lineNumber, problem);
    };
    let parsed: unknown;
    // Some editors and shells write one first; JSON does not allow it, and "not JSON" would not say why.
    if (line.startsWith('\uFEFF')) fail('starts with a byte-order mark (U+FEFF): save the file as UTF-8 without one');
    try {
      parsed = JSON.parse(line);
    } catch {
      return fail('not a JSON object');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('not a JSON object');
    // JSON.parse keeps the last of two equal names; another reader of the file may keep the first.
    const duplicate = firstDuplicateField(line);
    if (duplicate !== undefined) fail(`the field ${duplicate} is given twice: an export gives each field once`);
    const record = parsed as Record<string, unknown>;
    const { position, stream, streamRevision, eventId, type, schemaVersion, data, metadata } = record;
    const extra = firstUnexportedField(record);
    if (extra !== undefined) fail(`unexpected field ${extra}`);
    if (position !== this.nextPosition)
      fail(
        `position ${JSON.stringify(position) ?? String(position)} where ${this.nextPosition} was expected (an import loads a whole export, from position 1, without gaps)`,
      );
    if (typeof stream !== 'string' || !parseStream(stream)) fail(`stream ${JSON.stringify(stream)} is not a body-, meeting- or proposal- stream`);
    const expectedRevision = this.nextRevision.get(stream as string) ?? 0;
    if (streamRevision !== expectedRevision) fail(`stream ${String(stream)} revision ${String(streamRevision)} where ${expectedRevision} was expected`);
    const problem = eventRecordProblem({ stream, eventId, type, schemaVersion, data, metadata });
    if (problem) fail(problem);
    const tooLong = overlongText(data as Record<string, unknown>);
    if (tooLong) fail(tooLong);
    if (this.eventIds.has(eventId as string)) fail(`eventId ${String(eventId)} appears twice`);
    // A command's events were appended together, to one stream: its id on any other line is no record the ledger wrote.
    const { commandId } = metadata as EventToAppend['metadata'];
    const firstLine = this.commandLines.get(commandId);
    if (firstLine !== undefined && this.previousCommand?.commandId !== commandId)
      fail(
        `metadata.commandId ${JSON.stringify(commandId)} was given first at line ${firstLine}, to another command: ` +
          "a command's events are recorded together, on lines that follow one another",
      );
    if (firstLine !== undefined && this.previousCommand?.stream !== stream)
      fail(
        `metadata.commandId ${JSON.stringify(commandId)} is given at line ${firstLine} to an event of ${this.previousCommand?.stream}: a command's events go to one stream`,
      );
    const recordedAt = (metadata as EventToAppend['metadata']).recordedAt;
    // Served as it is stored, and ordered by: another form would read as another instant on another machine (a local time).
    if (!isNormalisedDateTime(recordedAt))
      fail(`metadata.recordedAt ${JSON.stringify(recordedAt)} is not an instant as the ledger writes one (YYYY-MM-DDTHH:mm:ss.sssZ, in UTC)`);
    if (Date.parse(recordedAt) > this.now.getTime()) fail(`metadata.recordedAt ${recordedAt} is after the import itself (${this.now.toISOString()})`);
    const occurredAt = (data as { occurredAt?: unknown }).occurredAt;
    // A date may be a day begun somewhere before it began in UTC, as the ledger took it (rule 8).
    if (typeof occurredAt === 'string' && Date.parse(occurredAt) > Date.parse(latestOccurredAt(occurredAt, new Date(Date.parse(recordedAt)).toISOString())))
      fail(
        `occurredAt ${occurredAt} is after recordedAt ${recordedAt}: nothing is recorded before it happens (a date alone may be a day begun anywhere by then)`,
      );

    const imported: ImportedEvent = {
      position: position as number,
      stream: stream as string,
      streamRevision: expectedRevision,
      event: {
        eventId: eventId as string,
        type: type as string,
        schemaVersion: schemaVersion as number,
        data: data as Record<string, unknown>,
        metadata: metadata as EventToAppend['metadata'],
      },
    };
    this.nextPosition += 1;
    this.nextRevision.set(stream as string, expectedRevision + 1);
    this.eventIds.add(eventId as string);
    if (firstLine === undefined) this.commandLines.set(commandId, lineNumber);
    this.previousCommand = { commandId, stream: stream as string };
    return imported;
  }

  get count(): number {
    return this.nextPosition - 1;
  }
}

/** A text longer than the API takes in its field (`TEXT_LIMITS`): no command could have recorded it. */
function overlongText(data: Readonly<Record<string, unknown>>): string | undefined {
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = data[field];
    if (typeof value === 'string' && characterCount(value) > limit)
      return `data.${field} is ${characterCount(value)} characters long: the ledger takes at most ${limit} there`;
  }
  return undefined;
}
