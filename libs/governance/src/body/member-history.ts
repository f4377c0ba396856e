import { CommandContext } from '../shared/command-context';
import { DomainError, refuse } from '../shared/domain-error';
import { worldTimeOrderOf } from './body-as-it-stood';
import { BodyCommand } from './body-commands';
import { BodyEvent } from './body-events';
import { BodyState, EstablishedBody, initialBodyState } from './body-state';
import { decideBody, requireActiveParticipant } from './decide-body';
import { evolveBody } from './evolve-body';

/** The member a body record is about: the member's own records, and the offices given to it. */
export function memberConcerned(event: BodyEvent): string | undefined {
  switch (event.type) {
    case 'ParticipantAdmitted':
    case 'ParticipantSuspended':
    case 'ParticipantReinstated':
    case 'ViceChairSelected':
    case 'ChairAssigned':
      return event.data.participantId;
    case 'ObserverAdmitted':
      return event.data.observerId;
    case 'MemberWithdrew':
      return event.data.memberId;
    default:
      return undefined;
  }
}

/**
 * A record entered late, or a date corrected, puts a record among others dated after it; the
 * records about the member it concerns must still tell a history that could have happened. Read in
 * world-time order, each of the member's own records must be one its rules accept against the body
 * as it stood just before it, and each office given to the member must find it an active
 * participant on the office's date. The member's own records must also keep the order they were
 * recorded in: the body as it stands now reads them in that order, so a suspension recorded after a
 * withdrawal but dated before it would show a member suspended who had withdrawn.
 *
 * `events` are the body's records in the order they were recorded, as they read with corrections.
 * The first record that no longer fits refuses with `occurred-out-of-order`, naming it; the one at
 * `judged` (the record a correction changes) is refused as its own command would be, with the
 * code of the rule it breaks (`participant-suspended`...), for it is no dependent of itself.
 */
export function assertMemberHistoryHolds(events: readonly BodyEvent[], memberId: string, context: CommandContext, judged?: number): void {
  let state: BodyState = initialBodyState;
  let lastOwnRecord = -1;
  for (const index of worldTimeOrderOf(events)) {
    const event = events[index] as BodyEvent;
    if (memberConcerned(event) === memberId && state.status === 'established') {
      const ownRecord = ownRecordCommand(event);
      const judge = (): unknown => (ownRecord ? decideBody(ownRecord, state, context) : requireActiveParticipant(state as EstablishedBody, memberId));
      if (index === judged) judge();
      else whyItNoLongerFits(event, judge);
      if (ownRecord) {
        if (index < lastOwnRecord) refuseOutOfRecordedOrder(events[lastOwnRecord] as BodyEvent, event, memberId);
        lastOwnRecord = index;
      }
    }
    state = evolveBody(state, event);
  }
}

/** The first thing wrong with the member's history, or undefined when it could have happened. */
export function memberHistoryProblem(events: readonly BodyEvent[], memberId: string, context: CommandContext, judged?: number): DomainError | undefined {
  try {
    assertMemberHistoryHolds(events, memberId, context, judged);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

function whyItNoLongerFits(event: BodyEvent, judge: () => unknown): void {
  try {
    judge();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refuse('occurred-out-of-order', `the ${event.type} of ${memberConcerned(event)} dated ${event.data.occurredAt} would no longer fit: ${error.message}`, {
      dependentType: event.type,
      dependentOccurredAt: event.data.occurredAt,
      reason: error.code,
    });
  }
}

function refuseOutOfRecordedOrder(recordedLater: BodyEvent, recordedEarlier: BodyEvent, memberId: string): never {
  refuse(
    'occurred-out-of-order',
    `the ${recordedLater.type} of ${memberId} dated ${recordedLater.data.occurredAt} would come before the ${recordedEarlier.type} dated ${recordedEarlier.data.occurredAt}, recorded before it: a member's admissions, suspensions, reinstatements and withdrawals are entered in the order they happened`,
    { dependentType: recordedEarlier.type, dependentOccurredAt: recordedEarlier.data.occurredAt },
  );
}

/** The command that records one of a member's own records; offices are judged apart. */
function ownRecordCommand(event: BodyEvent): BodyCommand | undefined {
  const { occurredAt } = event.data;
  switch (event.type) {
    case 'ParticipantAdmitted': {
      const { participantId, name, kind } = event.data;
      return { type: 'AdmitParticipant', data: { participantId, name, kind, occurredAt } };
    }
    case 'ObserverAdmitted': {
      const { observerId, name } = event.data;
      return { type: 'AdmitObserver', data: { observerId, name, occurredAt } };
    }
    case 'ParticipantSuspended': {
      const { participantId, reason } = event.data;
      return { type: 'SuspendParticipant', data: { participantId, reason, occurredAt } };
    }
    case 'ParticipantReinstated':
      return { type: 'ReinstateParticipant', data: { participantId: event.data.participantId, occurredAt } };
    case 'MemberWithdrew':
      return { type: 'WithdrawMember', data: { memberId: event.data.memberId, occurredAt } };
    default:
      return undefined;
  }
}
