import type { GovernanceEventType } from '../../../../../libs/governance/src/events';
import { Schemas } from '../../api/client';
import { STRINGS } from '../../strings';

type Entry = Schemas['ProposalHistoryAnswer']['entries'][number];

const R = STRINGS.records;

// Every type the ledger writes has words: a type added to the ledger and not here fails the typecheck.
const KINDS: Readonly<Record<GovernanceEventType, string>> = R.kinds;
const NAMED: Readonly<Record<string, string>> = KINDS;

/** A piece of a record in words: text as the console words it, or a value the record holds (a name, an id, a number). */
export type Piece = { readonly text: string } | { readonly value: string };

/** A record's kind in words; a type this console does not know (a newer ledger's) by its own name, never a blank. */
export function kindInWords(type: string): string {
  return NAMED[type] ?? type;
}

/** The member a record is of, as it reads now (a correction may have named another). */
function memberOf(data: Readonly<Record<string, unknown>>): string | undefined {
  for (const field of ['participantId', 'speakerId', 'memberId', 'observerId']) {
    if (typeof data[field] === 'string') return data[field];
  }
  return undefined;
}

/** The members who made a record of several (who tabled or withdrew a proposal), when it names any. */
function membersOf(data: Readonly<Record<string, unknown>>): string[] {
  const members = data.withdrawnBy ?? data.proposedBy;
  return Array.isArray(members) ? members.map(String) : [];
}

/** Fills a template's {placeholders}, keeping each value a piece of its own (it is isolated on the page: a name may run right to left). */
function fill(template: string, values: Readonly<Record<string, string>>): Piece[] {
  return template
    .split(/\{(\w+)\}/)
    .map((part, index): Piece => (index % 2 === 0 ? { text: part } : { value: values[part] ?? '' }))
    .filter((piece) => ('text' in piece ? piece.text !== '' : true));
}

/**
 * A timeline's record in words, with its members by name (`nameOf` gives the id where the body does
 * not name one): "Objection raised — Russian Federation", "Consensus declared by the Chair (Botswana)".
 * A correction names the record it corrects, as `entries` word it.
 */
export function recordInWords(entry: Entry, nameOf: (id: string) => string, entries: readonly Entry[] = []): Piece[] {
  const data = entry.correctedData ?? entry.data;
  const kind = kindInWords(entry.type);
  if (entry.type === 'CorrectionRecorded') {
    const corrected = entries.find((other) => other.eventId === data.correctsEventId);
    const what = corrected ? wordsOf(recordInWords(corrected, nameOf)) : typeof data.correctedType === 'string' ? kindInWords(data.correctedType) : kind;
    return fill(R.correctionOf, { what });
  }
  if (typeof data.declaredBy === 'string') {
    return fill(data.declaredAs === 'acting-chair' ? R.byActingChair : R.byChair, { kind, who: nameOf(data.declaredBy) });
  }
  if (entry.type === 'ProposalRevised' && typeof data.revision === 'number') return fill(R.revision, { kind, revision: String(data.revision) });
  if (entry.type === 'ProposalDeferred') {
    return typeof data.toMeetingId === 'string' ? fill(R.deferredTo, { kind, meeting: data.toMeetingId }) : fill('{kind}', { kind });
  }
  const member = memberOf(data);
  if (member !== undefined) return fill(R.of, { kind, who: nameOf(member) });
  const members = membersOf(data);
  if (members.length > 0) return fill(R.by, { kind, who: members.map(nameOf).join(', ') });
  return fill('{kind}', { kind });
}

/** The pieces as one plain string: for a button's name, a form's title. */
export function wordsOf(pieces: readonly Piece[]): string {
  return pieces.map((piece) => ('text' in piece ? piece.text : piece.value)).join('');
}
