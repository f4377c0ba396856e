import { CommandContext } from '../shared/command-context';
import { refuse } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/occurred-at';
import { IsoDateTime, termOf } from '../shared/time';
import { BodyCommand } from './body-commands';
import { BodyEvent } from './body-events';
import { BodyState, EstablishedBody, Member } from './body-state';

/**
 * What a body command is judged with besides the body as it stands: an office dated before its
 * holder's last change of status (an office entered late) is judged by the body as it stood on its
 * date, `onItsDate` (see `bodyAsItStood`), since rule 5 asks that its holder was an active
 * participant when appointed, not today. `bodyDateNeeded` says when it is needed.
 */
export interface BodyFacts {
  readonly onItsDate?: BodyState;
  /**
   * For an office recorded before rule 5 asked for a term near its date, judged again when a
   * correction changes a record before it: judged by the other rules alone, since the correction
   * cannot change that fault of its own, and it must not hide one the correction makes.
   */
  readonly recordedBeforeTermRule?: boolean;
}

type OfficeCommand = Extract<BodyCommand, { type: 'SelectViceChair' | 'AssignChair' }>;

/**
 * The date of the body an office command needs to be judged (`BodyFacts.onItsDate`), if it needs
 * one: when it is dated before its holder's last change of status. A member's own records are
 * entered in the order they happened (rule 8), so from its last change on its status is the one it
 * has now, and only an office dated earlier needs the body's history: an office dated at or after
 * its holder's last change of status never does.
 */
export function bodyDateNeeded(command: BodyCommand, state: BodyState): IsoDateTime | undefined {
  if ((command.type !== 'SelectViceChair' && command.type !== 'AssignChair') || state.status !== 'established') return undefined;
  const { participantId, occurredAt } = command.data;
  // Dated before the body was established: refused before the holder is looked at.
  if (occurredAt < state.establishedAt) return undefined;
  const holder = state.members.get(participantId);
  return holder !== undefined && occurredAt < holder.statusSince ? occurredAt : undefined;
}

export function decideBody(command: BodyCommand, state: BodyState, context: CommandContext, facts: BodyFacts = {}): BodyEvent[] {
  assertNotInFuture(command.data.occurredAt, context);
  if (command.type === 'EstablishBody') {
    if (state.status === 'established') {
      refuse('body-already-established', `body ${command.data.bodyId} is already established`, { bodyId: command.data.bodyId });
    }
    return [{ type: 'BodyEstablished', data: { ...command.data } }];
  }
  if (state.status !== 'established') refuse('body-not-found', 'the body has not been established');
  const bodyId = state.bodyId;
  const { occurredAt } = command.data;
  assertNotBefore(occurredAt, state.establishedAt, `body ${bodyId} was established`);

  switch (command.type) {
    case 'AdmitParticipant': {
      const { participantId, name, kind } = command.data;
      assertNotCurrentMember(state, participantId, occurredAt);
      return [{ type: 'ParticipantAdmitted', data: { bodyId, participantId, name, kind, occurredAt } }];
    }
    case 'AdmitObserver': {
      const { observerId, name } = command.data;
      assertNotCurrentMember(state, observerId, occurredAt);
      return [{ type: 'ObserverAdmitted', data: { bodyId, observerId, name, occurredAt } }];
    }
    case 'SuspendParticipant': {
      const { participantId, reason } = command.data;
      const member = requireParticipant(state, participantId);
      if (member.status === 'suspended') {
        refuse('participant-suspended', `participant ${participantId} is already suspended (since ${member.statusSince})`, {
          participantId,
          suspendedSince: member.statusSince,
        });
      }
      assertNotBefore(occurredAt, member.statusSince, lastStatusChange(member));
      assertNotBeforeOffice(occurredAt, member);
      return [{ type: 'ParticipantSuspended', data: { bodyId, participantId, reason, occurredAt } }];
    }
    case 'ReinstateParticipant': {
      const { participantId } = command.data;
      const member = requireParticipant(state, participantId);
      if (member.status !== 'suspended') {
        refuse('participant-not-suspended', `participant ${participantId} is not suspended`, { participantId });
      }
      assertNotBefore(occurredAt, member.statusSince, lastStatusChange(member));
      return [{ type: 'ParticipantReinstated', data: { bodyId, participantId, occurredAt } }];
    }
    case 'WithdrawMember': {
      const { memberId } = command.data;
      const member = state.members.get(memberId);
      if (!member || member.status === 'withdrawn') {
        refuse('not-a-member', `${memberId} is not a member of body ${bodyId}`, { memberId });
      }
      assertNotBefore(occurredAt, member.statusSince, lastStatusChange(member));
      assertNotBeforeOffice(occurredAt, member);
      return [{ type: 'MemberWithdrew', data: { bodyId, memberId, role: member.role, occurredAt } }];
    }
    case 'SelectViceChair': {
      const { participantId, term } = command.data;
      if (!facts.recordedBeforeTermRule) assertTermNearItsDate('Vice-Chair', term, occurredAt);
      requireActiveParticipant(bodyOnItsDate(command, state, facts), participantId, occurredAt);
      const sitting = state.viceChairs.get(term);
      if (sitting !== undefined) {
        refuse('vice-chair-term-taken', `${sitting} is already Vice-Chair for ${term}`, { term, viceChair: sitting });
      }
      if (state.chairs.get(term)?.participantId === participantId) refuseBothOffices(participantId, term, 'chair');
      return [{ type: 'ViceChairSelected', data: { bodyId, participantId, term, occurredAt } }];
    }
    case 'AssignChair':
      return [decideChairAssignment(state, command, facts)];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function decideChairAssignment(state: EstablishedBody, command: Extract<BodyCommand, { type: 'AssignChair' }>, facts: BodyFacts): BodyEvent {
  const { participantId, term, basis, occurredAt } = command.data;
  if (!facts.recordedBeforeTermRule) assertTermNearItsDate('Chair', term, occurredAt);
  requireActiveParticipant(bodyOnItsDate(command, state, facts), participantId, occurredAt);
  const sitting = state.chairs.get(term);
  if (sitting) {
    refuse('chair-term-taken', `${sitting.participantId} already chairs ${term}`, { term, chair: sitting.participantId });
  }
  const previousViceChair = state.viceChairs.get(term - 1) ?? null;
  // Rule 5: a Chair who did not come up as the previous term's Vice-Chair must say why, and
  // "succession" is only true of one who did.
  if (basis === 'succession' && previousViceChair !== participantId) {
    refuse(
      'succession-without-vice-chair',
      `${participantId} was not Vice-Chair in ${term - 1}, so the basis cannot be succession; record election, postponement or custodial`,
      { term, participantId, previousViceChair },
    );
  }
  if (basis === 'custodial' && state.chairs.get(term - 1)?.participantId !== participantId) {
    refuse('custodial-without-previous-chair', `a custodial Chair continues the previous term, and ${participantId} did not chair ${term - 1}`, {
      term,
      participantId,
      previousChair: state.chairs.get(term - 1)?.participantId ?? null,
    });
  }
  if (state.viceChairs.get(term) === participantId) refuseBothOffices(participantId, term, 'vice-chair');
  return { type: 'ChairAssigned', data: { bodyId: state.bodyId, participantId, term, basis, previousViceChair, occurredAt } };
}

/**
 * The body an office's holder is judged by (rule 5: an active participant when appointed): the body
 * as it stands, unless the office is dated before the holder's last change of status; then the body
 * as it stood on the office's date, which the caller must give. The term's offices (taken, held by
 * the other office, the previous term's) are judged by the body as it stands, whatever the date.
 */
function bodyOnItsDate(command: OfficeCommand, state: EstablishedBody, facts: BodyFacts): EstablishedBody {
  const onItsDate = facts.onItsDate;
  // Given though the body as it stands would do: a correction judging an office again gives it (see `rejudgeCorrectedRecord`).
  if (onItsDate?.status === 'established') return onItsDate;
  if (bodyDateNeeded(command, state) === undefined) return state;
  throw new TypeError(`${command.type} dated ${command.data.occurredAt} is judged by the body as it stood on its date, which was not given`);
}

/** How many years before its term an office may be given: a Vice-Chair, chosen the year before it serves, chairs the year after. */
const OFFICE_CHOSEN_YEARS_AHEAD = 2;

/**
 * Rule 5: an office is given shortly before or during its term, never after the term has ended nor
 * more than two years ahead (the Vice-Chair selected at a plenary serves the next year and chairs
 * the year after). A term far from the record's date is a mistyped year.
 */
function assertTermNearItsDate(office: 'Chair' | 'Vice-Chair', term: number, occurredAt: IsoDateTime): void {
  const year = termOf(occurredAt);
  const latestTerm = year + OFFICE_CHOSEN_YEARS_AHEAD;
  if (term >= year && term <= latestTerm) return;
  const why = term < year ? `after its term ended` : `more than ${OFFICE_CHOSEN_YEARS_AHEAD} years before its term`;
  refuse(
    'office-term-out-of-range',
    `the ${office} of ${term} cannot be given on ${occurredAt}, ${why}: an office dated in ${year} is for a term from ${year} to ${latestTerm}`,
    { term, occurredAt, earliestTerm: year, latestTerm },
  );
}

/** Rule 5: the Chair and the Vice-Chair of a term are two participants, whichever is recorded first. */
function refuseBothOffices(participantId: string, term: number, held: 'chair' | 'vice-chair'): never {
  const [office, other] = held === 'chair' ? ['Chair', 'Vice-Chair'] : ['Vice-Chair', 'Chair'];
  refuse('holds-other-office', `${participantId} is already ${office} for ${term}, so cannot also be its ${other}`, { term, participantId, office: held });
}

/** Admitted again only once withdrawn, and on a date after the withdrawal. */
function assertNotCurrentMember(state: EstablishedBody, memberId: string, occurredAt: IsoDateTime): void {
  const existing = state.members.get(memberId);
  if (existing && existing.status !== 'withdrawn') {
    refuse('already-a-member', `${memberId} is already a member (${existing.role}) of body ${state.bodyId}`, {
      memberId,
      role: existing.role,
    });
  }
  if (existing) assertNotBefore(occurredAt, existing.statusSince, lastStatusChange(existing));
}

/**
 * What a member's own new record must not be dated before: the last change of its status, in
 * world time. A record dated earlier would slip under one recorded before it (a reinstatement
 * before the suspension it ends, an admission while the member had not yet withdrawn), and the
 * body as it stands now, which reads a member's records in the order they were recorded, would
 * disagree with the body as it stood on any later date.
 */
function lastStatusChange(member: Member): string {
  const what = { active: member.statusSince === member.admittedAt ? 'was admitted' : 'was reinstated', suspended: 'was suspended', withdrawn: 'withdrew' }[
    member.status
  ];
  return `${member.id} ${what}`;
}

/**
 * Rules 5 and 8: an office found its holder an active participant on its date, so a suspension or
 * withdrawal of the holder entered late cannot be dated before the latest office it was given: the
 * history would then say a suspended or withdrawn participant was appointed. The latest office
 * stands for all of them, whatever its term, so that the state keeps one date per member. The
 * cost: a suspension and its reinstatement that both happened before the office cannot be entered
 * after it, since the suspension comes first and is refused here, and a reinstatement without it
 * is refused as not suspended.
 */
function assertNotBeforeOffice(occurredAt: IsoDateTime, member: Member): void {
  const office = member.latestOffice;
  if (office === undefined || occurredAt >= office.occurredAt) return;
  const given = office.type === 'ChairAssigned' ? 'assigned Chair' : 'selected Vice-Chair';
  refuse(
    'occurred-out-of-order',
    `occurredAt ${occurredAt} is before ${member.id} was ${given} for ${office.term} (${office.occurredAt}), as an active participant`,
    { occurredAt, earliest: office.occurredAt, dependentType: office.type, dependentOccurredAt: office.occurredAt, term: office.term },
  );
}

/**
 * A participant that has not withdrawn; suspended ones included. `on`: the date the body is read
 * as it stood, which a refusal names, since the member may stand otherwise now (admitted since,
 * say) and a refusal in the present tense would contradict the body as it is read now.
 */
export function requireParticipant(state: EstablishedBody, participantId: string, on?: IsoDateTime): Member {
  const member = state.members.get(participantId);
  if (!member || member.status === 'withdrawn') {
    const was = on === undefined ? `is not a participant of body ${state.bodyId}` : `was not a participant of body ${state.bodyId} on ${on}`;
    refuse('not-a-participant', `${participantId} ${was}`, { participantId });
  }
  if (member.role !== 'participant') {
    const was = on === undefined ? `is an observer of body ${state.bodyId}` : `was an observer of body ${state.bodyId} on ${on}`;
    refuse('not-a-participant', `${participantId} ${was}, not a participant`, { participantId, role: member.role });
  }
  return member;
}

/** Rule 1: admitted, a participant, and not suspended (on the date `on`, as `requireParticipant`). */
export function requireActiveParticipant(state: EstablishedBody, participantId: string, on?: IsoDateTime): Member {
  const member = requireParticipant(state, participantId, on);
  if (member.status === 'suspended') {
    // The suspension's own date beside the date judged: a clerk must not read the one for the other.
    const was =
      on === undefined
        ? `is suspended (since ${member.statusSince})`
        : `was under suspension on the record's date, ${on} (suspended since ${member.statusSince})`;
    refuse(
      'participant-suspended',
      `participant ${participantId} ${was}: a suspended participant may not table, support, object, withdraw an objection or a proposal, declare or hold office`,
      { participantId, suspendedSince: member.statusSince },
    );
  }
  return member;
}
