import { ReactNode, useState } from 'react';
import { record, Schemas } from '../../api/client';
// The ledger's own rule table (plain data): the form offers exactly the fields a correction may change.
import { CORRECTABLE_FIELDS as CORRECTABLE, DECISION_OUTCOMES, FieldRule } from '../../../../../libs/governance/src/correction/correctable-fields';
import { CHAIR_BASES, PARTICIPANT_KINDS } from '../../../../../libs/governance/src/body/body-events';
import { proposalStream } from '../../../../../libs/governance/src/shared/ids';
import { STRINGS } from '../../strings';
import { CommandForm, Fields, FormSpec, placeOf } from '../desk/command-form';
import { unsettledAt } from '../../unsettled-sendings';
import { draftAt, forgetDraft } from '../../drafts';

type Entry = Schemas['ProposalHistoryAnswer']['entries'][number];

const C = STRINGS.correct;

/** The values a field of this rule can take, when they are few. */
const FEW_VALUES: Partial<Record<FieldRule, readonly string[]>> = {
  'participant-kind': PARTICIPANT_KINDS,
  'chair-basis': CHAIR_BASES,
  'decision-outcome': DECISION_OUTCOMES,
};

/**
 * A correction names the record as the timeline shows it: its stream and revision. A decision on a
 * definition amendment keeps its outcome (rule 6: the definition in force follows it), so that
 * field is not offered there.
 */
function correctionForm(entry: Entry, proposalId: string, amendsDefinition: boolean, shownRevision: number | undefined): FormSpec {
  const rules = CORRECTABLE[entry.type] ?? {};
  const fields = Object.keys(rules).filter((field) => !(amendsDefinition && field === 'outcome'));
  const fewValues = (values: Fields): [string, string][] | null => {
    const rule = values.field ? rules[values.field] : undefined;
    const allowed = rule && FEW_VALUES[rule];
    return allowed ? allowed.map((value): [string, string] => [value, C.valueNames[value] ?? value]) : null;
  };
  return {
    ...correctionFormPlace(entry, proposalId),
    title:
      entry.stream === proposalStream(proposalId)
        ? C.title(entry.type, entry.streamRevision)
        : C.titleElsewhere(entry.type, entry.streamRevision, entry.stream),
    fields: [
      { name: 'field', label: C.field, kind: 'choice', options: fields.map((field): [string, string] => [field, fieldName(field)]) },
      // A record's date corrected is when it happened, as any form's date: not a day still to come.
      { name: 'value', label: C.value, kind: 'text', choicesWhen: fewValues, holdsDate: (values) => values.field === 'occurredAt' },
      { name: 'reason', label: C.reason, kind: 'multiline' },
      { name: 'occurredAt', label: C.when, kind: 'text', holdsDate: true },
    ],
    // Decided now, to the minute: a date alone reads as midnight, before a time of the same day the correction may set.
    initial: { occurredAt: nowToTheMinute() },
    // The ledger names the corrected value by the record's field (`corrections.occurredAt`).
    fieldOf: (apiField) => (apiField.startsWith('corrections') ? 'value' : undefined),
    // A correction of the proposal's own record is sent on the proposal as the page showed it when the
    // clerk began (the form is pinned then): another clerk's correction meanwhile makes it stale, not
    // silently overwritten. A record of another stream (the body's) carries none: the page does not read that stream.
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
        entry.stream === proposalStream(proposalId) && shownRevision !== undefined ? { idempotencyKey, ifMatch: shownRevision } : { idempotencyKey },
      ),
  };
}

/** The correction form of a record: its id, and the proposal whose page offers it. */
function correctionFormPlace(entry: Entry, proposalId: string): Pick<FormSpec, 'id' | 'about'> {
  return { id: `correct-${entry.stream}-${entry.streamRevision}`, about: `proposals/${proposalId}` };
}

/** Now in UTC to the minute (`2026-12-05T14:51Z`), never still to come. */
function nowToTheMinute(): string {
  return `${new Date().toISOString().slice(0, 16)}Z`;
}

function fieldName(field: string): string {
  return C.fieldNames[field] ?? field;
}

/** The member a record is of, as it reads now (a correction may have named another): who supported, objected, declared or tabled it. */
function subjectOf(entry: Entry): string | undefined {
  const data = entry.correctedData ?? entry.data;
  for (const field of ['participantId', 'declaredBy', 'speakerId', 'memberId', 'observerId']) {
    if (typeof data[field] === 'string') return data[field];
  }
  const proposers = data.withdrawnBy ?? data.proposedBy;
  return Array.isArray(proposers) && proposers.length > 0 ? proposers.map(String).join(', ') : undefined;
}

/** The meeting a deferral names, if any. */
function deferredTo(entry: Entry): string | undefined {
  const target = entry.type === 'ProposalDeferred' ? (entry.correctedData ?? entry.data).toMeetingId : undefined;
  return typeof target === 'string' ? target : undefined;
}

/** Who stored a record: the named clerk, or the key's role and id. */
function storedBy(actor: Entry['actor']): string {
  return actor.name ?? `${actor.role} (${actor.id})`;
}

/** What the record said before any correction; a decision's outcome is its type. */
function recordedValue(entry: Entry, field: string): string {
  if (field === 'outcome') return entry.type === 'ConsensusDeclared' ? 'consensus' : 'no-consensus';
  return shownValue(entry.data[field]);
}

/** A field's value as a reader reads it: a list by its items, nothing as none. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return STRINGS.proposal.none.toLowerCase();
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/**
 * Each correction as the change it made, each field from the value before it: as recorded for the
 * field's first correction, as the correction before it left it after that.
 */
function changesMade(entry: Entry): { note: Entry['corrections'][number]; changes: [field: string, from: string, to: string][] }[] {
  const current = new Map<string, string>();
  return entry.corrections.map((note) => ({
    note,
    // A field the ledger set along with the change, to the value it had (the blockers of a decision
    // corrected to no consensus, none before and none after), is no change to show.
    changes: Object.entries(note.corrections)
      .map(([field, value]): [string, string, string] => {
        const from = current.get(field) ?? recordedValue(entry, field);
        current.set(field, shownValue(value));
        return [field, from, shownValue(value)];
      })
      .filter(([, from, to]) => from !== to),
  }));
}

function CorrectionNotes({ entry }: { entry: Entry }): ReactNode {
  if (entry.corrections.length === 0) return null;
  return (
    <ul className="corrections">
      {changesMade(entry).map(({ note, changes }) => (
        <li key={note.eventId}>
          <span className="badge corrected">{STRINGS.proposal.corrected}</span>{' '}
          {changes.map(([field, from, to]) => (
            <span key={field}>{C.changed(fieldName(field), from, to)} </span>
          ))}
          <span className="muted">{C.because(note.reason, note.occurredAt.slice(0, 10))}</span>
        </li>
      ))}
    </ul>
  );
}

/** The proposal's records in order, each with its corrections beside it and, outside time travel, a way to correct it. */
export function Timeline({
  proposalId,
  entries,
  shownRevision,
  readOnly,
  reread,
}: {
  proposalId: string;
  entries: readonly Entry[];
  /** The proposal's stream revision as the page shows it; undefined until read. */
  shownRevision: number | undefined;
  readOnly: boolean;
  reread: () => void;
}): ReactNode {
  // A correction whose answer was lost is open again when the page is, to be sent again under its key.
  const [correcting, setCorrecting] = useState<string | null>(
    () =>
      entries.find((entry) => {
        const place = placeOf(correctionFormPlace(entry, proposalId));
        return unsettledAt(place) !== undefined || draftAt(place) !== undefined;
      })?.eventId ?? null,
  );
  const amendsDefinition = entries.some((entry) => entry.type === 'DefinitionAmendmentProposed');
  // Once a correction is recorded its form closes: focus goes back to the button that opened it, not to the page's start.
  const closeAndReturnFocus = (eventId: string): void => {
    setCorrecting(null);
    requestAnimationFrame(() => document.getElementById(correctButtonId(eventId))?.focus());
  };
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.eventId}>
          <strong>{entry.type}</strong>
          {subjectOf(entry) !== undefined && <bdi>{STRINGS.proposal.of(subjectOf(entry) ?? '')}</bdi>}
          {deferredTo(entry) !== undefined && <bdi>{STRINGS.proposal.deferredTo(deferredTo(entry) ?? '')}</bdi>}{' '}
          {entry.correctedType !== null && <span className="muted">{C.readsAs(entry.correctedType)} </span>}
          <span className="muted">{entry.occurredAt.slice(0, 10)}</span>{' '}
          {!readOnly && CORRECTABLE[entry.type] && (
            <button
              type="button"
              id={correctButtonId(entry.eventId)}
              aria-label={C.actionOn(entry.type, entry.occurredAt.slice(0, 10))}
              aria-expanded={correcting === entry.eventId}
              onClick={() => {
                // Closed by the clerk, a correction begun is discarded: not kept out of sight, where the tab would warn of it.
                if (correcting === entry.eventId) forgetDraft(placeOf(correctionFormPlace(entry, proposalId)));
                setCorrecting(correcting === entry.eventId ? null : entry.eventId);
              }}
            >
              {C.action}
            </button>
          )}
          <div className="muted">
            <small>{STRINGS.proposal.recorded(entry.position, entry.recordedAt.slice(0, 16).replace('T', ' '), storedBy(entry.actor))}</small>
          </div>
          <CorrectionNotes entry={entry} />
          {correcting === entry.eventId && (
            <CommandForm
              spec={correctionForm(entry, proposalId, amendsDefinition, shownRevision)}
              disabled={readOnly}
              reread={reread}
              onRecorded={() => closeAndReturnFocus(entry.eventId)}
            />
          )}
        </li>
      ))}
    </ol>
  );
}

function correctButtonId(eventId: string): string {
  return `correct-${eventId}`;
}
