import { ReactNode, useState } from 'react';
import { record, Schemas } from '../../api/client';
// The ledger's own rule table (plain data): the form offers exactly the fields a correction may change.
import { CORRECTABLE_FIELDS as CORRECTABLE } from '../../../../../libs/governance/src/correction/correctable-fields';
import { STRINGS } from '../../strings';
import { CommandForm, FormSpec } from '../desk/command-form';

type Entry = Schemas['ProposalHistoryAnswer']['entries'][number];

const C = STRINGS.correct;

/** A correction names the record as the timeline shows it: its stream and revision. */
function correctionForm(entry: Entry, today: string): FormSpec {
  const fields = Object.keys(CORRECTABLE[entry.type] ?? {});
  return {
    id: `correct-${entry.streamRevision}`,
    title: C.title(entry.type, entry.streamRevision),
    fields: [
      { name: 'field', label: C.field, kind: 'choice', options: fields.map((field): [string, string] => [field, field]) },
      { name: 'value', label: C.value, kind: 'text' },
      { name: 'reason', label: C.reason, kind: 'multiline' },
      { name: 'occurredAt', label: C.when, kind: 'text' },
    ],
    initial: { occurredAt: today },
    send: (v, idempotencyKey) =>
      record(
        '/v1/corrections',
        {
          correctsStream: entry.stream,
          correctsRevision: entry.streamRevision,
          reason: v.reason,
          corrections: v.field ? { [v.field]: v.value } : {},
          occurredAt: v.occurredAt,
        },
        { idempotencyKey },
      ),
  };
}

/** What the record said before any correction; a decision's outcome is its type. */
function recordedValue(entry: Entry, field: string): string {
  if (field === 'outcome') return entry.type === 'ConsensusDeclared' ? 'consensus' : 'no-consensus';
  return String(entry.data[field] ?? '');
}

function CorrectionNotes({ entry }: { entry: Entry }): ReactNode {
  if (entry.corrections.length === 0) return null;
  return (
    <ul className="corrections">
      {entry.corrections.map((note) => (
        <li key={note.eventId}>
          <span className="badge corrected">{STRINGS.proposal.corrected}</span>{' '}
          {Object.entries(note.corrections).map(([field, value]) => (
            <span key={field}>{C.changed(field, recordedValue(entry, field), String(value))} </span>
          ))}
          <span className="muted">{C.because(note.reason, note.occurredAt.slice(0, 10))}</span>
        </li>
      ))}
    </ul>
  );
}

/** The proposal's records in order, each with its corrections beside it and, outside time travel, a way to correct it. */
export function Timeline({ entries, readOnly, onRecorded }: { entries: readonly Entry[]; readOnly: boolean; onRecorded: () => void }): ReactNode {
  const [correcting, setCorrecting] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.eventId}>
          <strong>{entry.type}</strong> <span className="muted">{entry.occurredAt.slice(0, 10)}</span>{' '}
          {!readOnly && CORRECTABLE[entry.type] && (
            <button
              type="button"
              aria-expanded={correcting === entry.eventId}
              onClick={() => setCorrecting(correcting === entry.eventId ? null : entry.eventId)}
            >
              {C.action}
            </button>
          )}
          <CorrectionNotes entry={entry} />
          {correcting === entry.eventId && (
            <CommandForm
              spec={correctionForm(entry, today)}
              disabled={readOnly}
              onRecorded={() => {
                setCorrecting(null);
                onRecorded();
              }}
            />
          )}
        </li>
      ))}
    </ol>
  );
}
