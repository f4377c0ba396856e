import { isDecision, outcomeOf } from '@concord/governance';
import { CorrectionNote, HistoryEntry } from '@concord/projections';

/**
 * Each correction of a history entry as the change it made, `field: before -> after`. "Before" is
 * the value as recorded for the first correction of a field, and the previous correction's value
 * after that, so a line never claims a change from a value the record no longer held.
 */
export function describeCorrections(entry: HistoryEntry): { note: CorrectionNote; change: string }[] {
  const current: Record<string, unknown> = { ...entry.data };
  // A decision's outcome is not a data field: the record's type says it.
  if (isDecision(entry.type)) current['outcome'] = outcomeOf(entry.type);
  return entry.corrections.map((note) => {
    const changes = Object.entries(note.corrections).map(([field, value]) => {
      const change = `${field}: ${showValue(current[field])} -> ${showValue(value)}`;
      current[field] = value;
      return change;
    });
    return { note, change: `${changes.join(', ')} (${note.reason})` };
  });
}

/** The world time the entry was recorded with, before any correction moved it. */
export function recordedOccurredAt(entry: HistoryEntry): string {
  const recorded = entry.data['occurredAt'];
  return typeof recorded === 'string' ? recorded : entry.occurredAt;
}

/** A value on one line; an objection by its participant, and with its grounds when `withGrounds`. */
export function showValue(value: unknown, withGrounds = false): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return `[${value.map((item) => showItem(item, withGrounds)).join(', ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function showItem(item: unknown, withGrounds: boolean): string {
  if (typeof item !== 'object' || item === null || !('participantId' in item)) return showValue(item);
  const participant = String(item.participantId);
  return withGrounds && 'grounds' in item ? `${participant} (${JSON.stringify(item.grounds)})` : participant;
}
