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
import { kindInWords, Piece, recordInWords, wordsOf } from './record-words';

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
function correctionForm(entry: Entry, proposalId: string, amendsDefinition: boolean, shownRevision: number | undefined, words: string): FormSpec {
  const rules = CORRECTABLE[entry.type] ?? {};
  const fields = Object.keys(rules).filter((field) => !(amendsDefinition && field === 'outcome'));
  const fewValues = (values: Fields): [string, string][] | null => {
    const rule = values.field ? rules[values.field] : undefined;
    const allowed = rule && FEW_VALUES[rule];
    return allowed ? allowed.map((value): [string, string] => [value, C.valueNames[value] ?? value]) : null;
  };
  return {
    ...correctionFormPlace(entry, proposalId),
    title: entry.stream === proposalStream(proposalId) ? C.title(words, entry.streamRevision) : C.titleElsewhere(words, entry.streamRevision, entry.stream),
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
    basisOf: () => (entry.stream !== proposalStream(proposalId) ? {} : shownRevision === undefined ? undefined : { ifMatch: shownRevision }),
    send: (v, idempotencyKey, basis) =>
      record(
        '/v1/corrections',
        {
          correctsStream: entry.stream,
          correctsRevision: entry.streamRevision,
          reason: v.reason,
          corrections: v.field ? { [v.field]: v.value } : {},
          occurredAt: v.occurredAt,
        },
        basis.ifMatch === undefined ? { idempotencyKey } : { idempotencyKey, ifMatch: basis.ifMatch },
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

/** Who stored a record: the named clerk, or the key's role and id. */
function storedBy(actor: Entry['actor']): string {
  return actor.name ?? `${actor.role} (${actor.id})`;
}

/** The fields whose values are members' ids: a reader reads them by the members' names. */
const MEMBER_FIELDS = new Set(['participantId', 'declaredBy', 'speakerId', 'memberId', 'observerId', 'proposedBy', 'withdrawnBy']);

/** What the record said before any correction; a decision's outcome is its type. */
function recordedValue(entry: Entry, field: string, nameOf: (id: string) => string): string {
  if (field === 'outcome') return entry.type === 'ConsensusDeclared' ? 'consensus' : 'no-consensus';
  return shownValue(field, entry.data[field], nameOf);
}

/** A field's value as a reader reads it: a list by its items, a member by name, nothing as none. */
function shownValue(field: string, value: unknown, nameOf: (id: string) => string): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return STRINGS.proposal.none.toLowerCase();
  const shown = (item: unknown): string => (MEMBER_FIELDS.has(field) ? nameOf(String(item)) : String(item));
  return Array.isArray(value) ? value.map(shown).join(', ') : shown(value);
}

/**
 * Each correction as the change it made, each field from the value before it: as recorded for the
 * field's first correction, as the correction before it left it after that.
 */
function changesMade(
  entry: Entry,
  nameOf: (id: string) => string,
): { note: Entry['corrections'][number]; changes: [field: string, from: string, to: string][] }[] {
  const current = new Map<string, string>();
  return entry.corrections.map((note) => ({
    note,
    // A field the ledger set along with the change, to the value it had (the blockers of a decision
    // corrected to no consensus, none before and none after), is no change to show.
    changes: Object.entries(note.corrections)
      .map(([field, value]): [string, string, string] => {
        const from = current.get(field) ?? recordedValue(entry, field, nameOf);
        current.set(field, shownValue(field, value, nameOf));
        return [field, from, shownValue(field, value, nameOf)];
      })
      .filter(([, from, to]) => from !== to),
  }));
}

function CorrectionNotes({ entry, nameOf }: { entry: Entry; nameOf: (id: string) => string }): ReactNode {
  if (entry.corrections.length === 0) return null;
  return (
    <ul className="corrections">
      {changesMade(entry, nameOf).map(({ note, changes }) => (
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

/** A record in words, each value it holds isolated: a name may run right to left. */
function RecordWords({ pieces }: { pieces: readonly Piece[] }): ReactNode {
  return pieces.map((piece, index) => ('text' in piece ? piece.text : <bdi key={index}>{piece.value}</bdi>));
}

/**
 * The proposal's records in order, each in words with its members by name, its corrections beside it
 * and, outside time travel, a way to correct it.
 */
export function Timeline({
  proposalId,
  entries,
  nameOf,
  shownRevision,
  readOnly,
  reread,
}: {
  proposalId: string;
  entries: readonly Entry[];
  /** A member's name, as the body names it; the id where it does not (the body not read yet). */
  nameOf: (id: string) => string;
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
      {entries.map((entry) => {
        const pieces = recordInWords(entry, nameOf, entries);
        const words = wordsOf(pieces);
        return (
          <li key={entry.eventId}>
            {/* The ledger's own type name stays within reach, for an auditor matching the record to the feed or the API. */}
            <strong title={entry.type}>
              <RecordWords pieces={pieces} />
            </strong>{' '}
            {entry.correctedType !== null && <span className="muted">{C.readsAs(kindInWords(entry.correctedType))} </span>}
            <span className="muted">{entry.occurredAt.slice(0, 10)}</span>{' '}
            {!readOnly && CORRECTABLE[entry.type] && (
              <button
                type="button"
                id={correctButtonId(entry.eventId)}
                aria-label={C.actionOn(words, entry.occurredAt.slice(0, 10))}
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
            <CorrectionNotes entry={entry} nameOf={nameOf} />
            {correcting === entry.eventId && (
              <CommandForm
                spec={correctionForm(entry, proposalId, amendsDefinition, shownRevision, words)}
                disabled={readOnly}
                reread={reread}
                onRecorded={() => closeAndReturnFocus(entry.eventId)}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function correctButtonId(eventId: string): string {
  return `correct-${eventId}`;
}
