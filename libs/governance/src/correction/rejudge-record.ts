import { bodyAsItStood } from '../body/body-as-it-stood';
import { BodyCommand } from '../body/body-commands';
import { BodyFacts, bodyDateNeeded, decideBody } from '../body/decide-body';
import { BodyEvent } from '../body/body-events';
import { BodyState, initialBodyState, isActiveParticipant } from '../body/body-state';
import { evolveBody } from '../body/evolve-body';
import { memberConcerned, memberHistoryProblem } from '../body/member-history';
import { GovernanceEvent, isBodyEvent } from '../events';
import { CommandContext } from '../shared/command-context';
import { DomainError } from '../shared/domain-error';
import { IdentifiedEvent } from './apply-corrections';

const OFFICES: ReadonlySet<string> = new Set(['ChairAssigned', 'ViceChairSelected']);

/**
 * A corrected office is held to the rules its command was, and so is every office recorded after it in the
 * body's stream, since one may have depended on it (a succession needs the previous term's
 * Vice-Chair, a custodial Chair the previous term's Chair). Each office is decided again as the
 * command that would record it, against the body as the stream stood just before it, the
 * correction applied; the first that its rules refuse refuses the correction with its code (a later
 * office already refused so without the correction, recorded under earlier rules, excepted).
 * `stream` is the record's stream as it reads now, corrections applied. Records whose correctable
 * fields no rule looks at (names, texts) pass as they are. A corrected date of a member's record or
 * office, or an office given to another member, must also leave that member's history possible
 * (`movedMember`).
 */
export function rejudgeCorrectedRecord(
  stream: readonly IdentifiedEvent[],
  eventId: string,
  original: GovernanceEvent,
  corrected: GovernanceEvent,
  context: CommandContext,
): void {
  if (!isBodyEvent(original) || !isBodyEvent(corrected)) return;
  const moved = movedMember(original, corrected);
  if (!OFFICES.has(corrected.type) && moved === undefined) return;
  const index = stream.findIndex((identified) => identified.eventId === eventId);
  if (index === -1) throw new Error(`the corrected record ${eventId} is not in the stream given`);
  const uncorrected = stream.map(({ event }) => event as BodyEvent);
  const events = uncorrected.map((event, at) => (at === index ? corrected : event));
  // The member's history first: an office given to a member not active on its date is refused as
  // its command would be, before the later offices that would follow from it are judged. A
  // member's own record moved is judged as the others are: what no longer fits is a dependent's
  // fault (occurred-out-of-order, naming it).
  if (moved !== undefined) refuseWhatTheCorrectionBreaks(uncorrected, events, moved, context, OFFICES.has(corrected.type) ? index : undefined);
  if (OFFICES.has(corrected.type)) rejudgeOfficesFrom(uncorrected, events, index, context);
}

/**
 * Refuses a correction that leaves the member's history one that could not have happened, unless
 * the history was already so before it, the same way: records entered under earlier rules may hold
 * a fault the correction does not touch, and must not make every correction of the member refused.
 */
function refuseWhatTheCorrectionBreaks(
  uncorrected: readonly BodyEvent[],
  corrected: readonly BodyEvent[],
  memberId: string,
  context: CommandContext,
  judged: number | undefined,
): void {
  const after = memberHistoryProblem(corrected, memberId, context, judged);
  if (after === undefined) return;
  if (memberHistoryProblem(uncorrected, memberId, context, judged)?.message !== after.message) throw after;
}

/**
 * Decides each office from `index` on again, as `corrected` reads, against the body as it stood
 * just before it (its holder, as its command is, by the body as it stood on the office's date); the
 * first refused refuses the correction. The corrected office itself must pass.
 * An office recorded after it passes if, as the stream read before the correction, it was already
 * refused the same way: an office recorded under earlier rules (two offices of a term held by one
 * participant, a term far from its date) is a fault the correction does not make, and must not make
 * every correction of an office before it refused. A term far from its date is the office's own
 * fault, judged first: such an office is judged by the other rules on both sides, so that it hides
 * no fault the correction makes.
 */
function rejudgeOfficesFrom(uncorrected: readonly BodyEvent[], corrected: readonly BodyEvent[], index: number, context: CommandContext): void {
  let before: BodyState = uncorrected.slice(0, index).reduce(evolveBody, initialBodyState);
  let after = before;
  for (let at = index; at < corrected.length; at += 1) {
    const office = officeCommand(corrected[at] as BodyEvent);
    if (office) {
      const judge = (command: BodyCommand, state: BodyState, events: readonly BodyEvent[], facts: OfficeFacts) =>
        refusalOf(() => decideOffice(command, state, events, at, context, facts));
      const earlier = at === index ? undefined : officeCommand(uncorrected[at] as BodyEvent);
      const refusedBefore = earlier && judge(earlier, before, uncorrected, {});
      const recordedBeforeTermRule = refusedBefore?.code === 'office-term-out-of-range';
      const problem = judge(office, after, corrected, { recordedBeforeTermRule });
      if (problem && at === index) throw problem;
      if (problem) {
        const already = recordedBeforeTermRule && earlier ? judge(earlier, before, uncorrected, { recordedBeforeTermRule }) : refusedBefore;
        if (already?.code !== problem.code || already.message !== problem.message) throw asDependentRefused(problem, corrected[at] as BodyEvent);
      }
    }
    before = evolveBody(before, uncorrected[at] as BodyEvent);
    after = evolveBody(after, corrected[at] as BodyEvent);
  }
}

const OFFICE_NAMES: Readonly<Record<string, string>> = { ChairAssigned: 'Chair', ViceChairSelected: 'Vice-Chair' };

/**
 * A later office refused once the correction is applied: said as that office's refusal, not as if
 * the corrected record were what its message describes (a clerk making someone Chair read "cannot
 * also be its Vice-Chair").
 */
function asDependentRefused(problem: DomainError, office: BodyEvent): DomainError {
  const { occurredAt } = office.data;
  const term = 'term' in office.data ? ` of ${office.data.term}` : '';
  return new DomainError(
    problem.code,
    `the correction would leave the ${OFFICE_NAMES[office.type] ?? office.type}${term} recorded after it (dated ${occurredAt}) breaking the rules: ${problem.message}`,
    { ...problem.details, dependentType: office.type, dependentOccurredAt: occurredAt },
  );
}

/**
 * The previous term's Vice-Chair for a Chair of `term` recorded where `eventId` stands in `stream`:
 * by the body as the stream stood just before it, as its command read it (`decideBody`).
 */
export function previousViceChairOf(stream: readonly IdentifiedEvent[], eventId: string, term: number): string | null {
  const index = stream.findIndex((identified) => identified.eventId === eventId);
  if (index === -1) throw new Error(`the corrected record ${eventId} is not in the stream given`);
  const before = stream
    .slice(0, index)
    .map(({ event }) => event)
    .filter(isBodyEvent)
    .reduce(evolveBody, initialBodyState);
  return before.status === 'established' ? (before.viceChairs.get(term - 1) ?? null) : null;
}

type OfficeFacts = Pick<BodyFacts, 'recordedBeforeTermRule'>;

/**
 * An office decided as its command was, against `state`, the body as the stream stood just before it
 * (the records of `events` before `at`) for the term's offices; its holder, as a command recorded
 * now would read it, by the body as it stood on the office's date, from every record of the stream
 * but the office itself: an admission entered after the office but dated before it counts, as it
 * does for the command. Worked out only when `state` alone could refuse the holder (the office dated
 * before the holder's last change of status, or the holder not active in it), since it sorts the stream.
 */
function decideOffice(office: BodyCommand, state: BodyState, events: readonly BodyEvent[], at: number, context: CommandContext, facts: OfficeFacts): void {
  const holderInDoubt =
    bodyDateNeeded(office, state) !== undefined ||
    (state.status === 'established' && 'participantId' in office.data && !isActiveParticipant(state, office.data.participantId));
  if (!holderInDoubt) return void decideBody(office, state, context, facts);
  const onItsDate = bodyAsItStood(
    events.filter((_event, index) => index !== at),
    office.data.occurredAt,
  );
  decideBody(office, state, context, { ...facts, onItsDate });
}

function refusalOf(judge: () => unknown): DomainError | undefined {
  try {
    judge();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/**
 * A corrected date moves a record among the member's other records and offices, and a corrected
 * office may go to another member: then that member's history, read in world-time order, must
 * still be one that could have happened (`assertMemberHistoryHolds`), or the correction is refused
 * `occurred-out-of-order`. Returns that member, if the correction moves one. Records in other
 * streams (a proposal the member tabled, a statement it made) are not looked at: the command side
 * keeps no index of who acted where, and reading every stream of the body would not be bounded.
 */
function movedMember(original: BodyEvent, corrected: BodyEvent): string | undefined {
  const memberId = memberConcerned(corrected);
  const moved = original.data.occurredAt !== corrected.data.occurredAt || memberConcerned(original) !== memberId;
  return moved ? memberId : undefined;
}

function officeCommand(event: BodyEvent): BodyCommand | undefined {
  switch (event.type) {
    case 'ChairAssigned': {
      const { participantId, term, basis, occurredAt } = event.data;
      return { type: 'AssignChair', data: { participantId, term, basis, occurredAt } };
    }
    case 'ViceChairSelected': {
      const { participantId, term, occurredAt } = event.data;
      return { type: 'SelectViceChair', data: { participantId, term, occurredAt } };
    }
    default:
      return undefined;
  }
}
