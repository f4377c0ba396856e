import { EventStore, ReadAllOptions, SkimmedEvent, StoredEvent } from '@concord/event-store';

/** An event of the log as a fold reads it: skimmed where the store keeps the text, else parsed. */
export type LogEvent = SkimmedEvent | StoredEvent;

/**
 * A page of the log for a fold: skimmed where the store can (`readAllSkimmed`), so that only what
 * the fold looks at is parsed, else parsed whole (EventStoreDB keeps no text).
 */
export function readLog(store: EventStore, options: ReadAllOptions): Promise<LogEvent[]> {
  return store.readAllSkimmed ? store.readAllSkimmed(options) : store.readAll(options);
}

export function isSkimmed(event: LogEvent): event is SkimmedEvent {
  return typeof event.metadata === 'string';
}

export function recordedAtOf(event: LogEvent): string {
  return isSkimmed(event) ? event.recordedAt : event.metadata.recordedAt;
}
