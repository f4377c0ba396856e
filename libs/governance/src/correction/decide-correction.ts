import { CommandContext } from '../shared/command-context';
import { refuse } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/occurred-at';
import { isIsoDate, normaliseIsoDateTime } from '../shared/time';
import { GovernanceEvent } from '../events';
import { IdentifiedEvent, withCorrection } from './apply-corrections';
import { previousViceChairOf, rejudgeCorrectedRecord } from './rejudge-record';
import { assertCorrectedOrder } from './corrected-order';
import { CorrectedValue, CorrectionRecorded } from './correction-events';
import { isDecision, outcomeOf, rejudgeCorrectedDecision } from './rejudge-decision';
import { CORRECTABLE_FIELDS, fieldValueProblem } from './correctable-fields';
import { proposalOrderProblems } from './proposal-order';
import { sameText } from '../shared/same-text';
import { assertOtherStreamsAllowItsDate, OtherStreamFacts } from './other-streams-on-its-date';

export type RecordCorrection = {
  readonly type: 'RecordCorrection';
  readonly data: {
    correctsEventId: string;
    reason: string;
    corrections: Record<string, unknown>;
    occurredAt: string;
  };
};

/** The event being corrected, as the ledger stored it. */
export interface CorrectionTarget {
  readonly eventId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * `stream`, when given, is the target's stream as it reads now; a corrected date is checked
 * against it (`assertCorrectedOrder`, `proposalOrderProblem`). `facts` are what the record is judged
 * against beyond its stream (`correctionFacts`): for a decision, the body on its (corrected) date
 * and its meeting (`decisionCommandOf` names them); for support or an objection, the body on its date;
 * for a tabling or a deferral moved to another date, the body then and the meeting it names; for a
 * statement so moved, its meeting's facts on that date (the body, the proposal spoken about).
 */
export function decideCorrection(
  command: RecordCorrection,
  target: CorrectionTarget,
  context: CommandContext,
  stream: readonly IdentifiedEvent[] = [],
  facts?: OtherStreamFacts,
): CorrectionRecorded[] {
  const { correctsEventId, reason, occurredAt } = command.data;
  assertNotInFuture(occurredAt, context);
  const allowed = CORRECTABLE_FIELDS[target.type];
  if (!allowed) refuse('correction-not-applicable', `a ${target.type} event cannot be corrected`, { eventType: target.type });
  const entries = Object.entries(command.data.corrections);
  if (entries.length === 0) refuse('correction-not-applicable', 'a correction must change at least one field');

  const corrections: Record<string, string | number> = {};
  for (const [field, value] of entries) {
    const rule = allowed[field];
    if (!rule) {
      refuse('correction-not-applicable', `field ${field} of ${target.type} is not correctable; correctable: ${Object.keys(allowed).join(', ')}`, {
        field,
        correctable: Object.keys(allowed),
      });
    }
    const problem = fieldValueProblem(field, rule, value);
    if (problem) refuse('correction-not-applicable', `${field} ${problem}`, { field });
    const corrected = rule === 'moment' ? normaliseIsoDateTime(value as string) : (value as string | number);
    if (field === 'occurredAt') assertNotInFuture(corrected as string, context, !isIsoDate(value as string));
    corrections[field] = corrected;
  }
  assertNotBeforeItsRecord(occurredAt, target, stream, corrections.occurredAt, context);
  const currentValue = (field: string): unknown => (field === 'outcome' && isDecision(target.type) ? outcomeOf(target.type) : target.data[field]);
  // A text that reads the same (white space at line ends, another Unicode form) is no change either, as for a revision.
  const unchanged = ([field, value]: [string, CorrectedValue]): boolean => {
    const current = currentValue(field);
    return current === value || (allowed[field] === 'text' && typeof current === 'string' && typeof value === 'string' && sameText(current, value));
  };
  if (Object.entries(corrections).every(unchanged)) {
    refuse('correction-not-applicable', 'the correction changes nothing: every field already reads so');
  }
  // Beside a real change, a text that would read the same is not stored as one.
  for (const entry of Object.entries(corrections)) if (allowed[entry[0]] === 'text' && unchanged(entry)) delete corrections[entry[0]];
  if (corrections.outcome === currentValue('outcome')) delete corrections.outcome;
  assertCorrectedOrder(stream, target.eventId, corrections);
  const opensOn = corrections.opensOn ?? target.data.opensOn;
  const closesOn = corrections.closesOn ?? target.data.closesOn;
  if (typeof opensOn === 'string' && typeof closesOn === 'string' && closesOn < opensOn) {
    refuse('correction-not-applicable', `the meeting would close (${closesOn}) before it opens (${opensOn})`);
  }
  const original = { type: target.type, data: target.data } as GovernanceEvent;
  rejudgeCorrectedRecord(stream, target.eventId, original, withCorrection(original, corrections), storedRecords(context));
  if (typeof corrections.occurredAt === 'string') {
    assertProposalOrderHolds(stream, target.eventId, corrections);
    assertOtherStreamsAllowItsDate(withCorrection(original, corrections), facts);
  }
  let stored: Record<string, CorrectedValue> = corrections;
  // A Chair moved to another term follows another Vice-Chair: the record says which, as its command did.
  if (target.type === 'ChairAssigned' && typeof corrections.term === 'number') {
    const previousViceChair = previousViceChairOf(stream, target.eventId, corrections.term);
    if (previousViceChair !== target.data.previousViceChair) stored = { ...corrections, previousViceChair };
  }
  // A decision is decided again on its corrected outcome, declarant or date: a date decides which
  // objections stood, which members could block, and whether its meeting was still open.
  if (isDecision(target.type) && ('outcome' in command.data.corrections || 'declaredBy' in corrections || 'occurredAt' in corrections)) {
    if (facts === undefined || !('policy' in facts)) throw new Error('a corrected decision is decided again: its facts are needed');
    stored = {
      ...corrections,
      ...rejudgeCorrectedDecision(stream, target.eventId, original, withCorrection(original, corrections), facts, storedRecords(context)),
    };
  }
  return [{ type: 'CorrectionRecorded', data: { correctsEventId, correctedType: target.type, reason, corrections: stored, occurredAt } }];
}

/**
 * A corrected date must leave the proposal's records in an order its commands could have been
 * recorded in (`proposalOrderProblems`), but for records that were out of order already: records
 * entered under earlier rules must not make every correction of the proposal refused.
 */
function assertProposalOrderHolds(stream: readonly IdentifiedEvent[], eventId: string, corrections: Readonly<Record<string, CorrectedValue>>): void {
  const already = new Set(proposalOrderProblems(stream).map((problem) => problem.eventId));
  const after = proposalOrderProblems(
    stream.map((identified) => (identified.eventId === eventId ? { eventId, event: withCorrection(identified.event, corrections) } : identified)),
  );
  const made = after.find((problem) => !already.has(problem.eventId));
  if (made !== undefined) throw made.refusal;
}

/**
 * Corrections recorded from then on may not be dated before a later date they give their record.
 * Those recorded before (judged again at their recorded time by `concord import` and `verify
 * --rules`) were held only to the earlier of the two dates, and are not refused for it now.
 */
export const CORRECTION_AFTER_ITS_NEW_DATE_SINCE = '2026-12-05T00:00:00.000Z';

/**
 * A correction is decided once what it corrects has happened: it is not dated before its record,
 * whose date is the one this correction gives it or, when it leaves the date alone, the one it
 * reads with now. A correction cannot know of a record dated after itself.
 */
function assertNotBeforeItsRecord(
  occurredAt: string,
  target: CorrectionTarget,
  stream: readonly IdentifiedEvent[],
  correctedDate: unknown,
  context: CommandContext,
): void {
  const current = stream.find((identified) => identified.eventId === target.eventId)?.event.data.occurredAt ?? target.data.occurredAt;
  const givesLaterDate = typeof correctedDate === 'string' && typeof current === 'string' && correctedDate > current;
  const heldToLaterDate = context.now >= CORRECTION_AFTER_ITS_NEW_DATE_SINCE;
  const earliest = typeof correctedDate === 'string' && (!givesLaterDate || heldToLaterDate) ? correctedDate : current;
  if (typeof earliest !== 'string') return;
  const what = earliest === correctedDate ? `the date it gives the ${target.type} it corrects` : `the ${target.type} it corrects`;
  assertNotBefore(occurredAt, earliest, what);
}

/**
 * The context to judge stored records again in: how the correction's own `occurredAt` was written
 * says nothing of theirs, whose stored midnight UTC is read as a day, as when they were recorded.
 */
function storedRecords(context: CommandContext): CommandContext {
  return { now: context.now };
}
