import { BodyState, EstablishedBody, Member } from '../body/body-state';
import { CommandContext } from '../shared/command-context';
import { refuse } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/occurred-at';
import { MeetingCommand } from './meeting-commands';
import { MeetingEvent } from './meeting-events';
import { ConvenedMeeting, MeetingState } from './meeting-state';

/**
 * Facts from other streams that a meeting command needs: the body (who may speak) and, for a
 * statement on a proposal, the body that proposal belongs to (`null` when it does not exist).
 */
export interface MeetingFacts {
  readonly body: BodyState;
  readonly proposalBodyId?: string | null;
  /** When the proposal a statement is about was tabled, in world time (as corrected). */
  readonly proposalTabledAt?: string;
}

export function decideMeeting(command: MeetingCommand, state: MeetingState, facts: MeetingFacts, context: CommandContext): MeetingEvent[] {
  assertNotInFuture(command.data.occurredAt, context);
  const { body } = facts;
  if (body.status !== 'established') refuse('body-not-found', 'the body has not been established');

  if (command.type === 'ConveneMeeting') {
    if (state.status !== 'unknown') {
      const elsewhere = state.bodyId === body.bodyId ? '' : ` by body ${state.bodyId} (ids are unique across the ledger's bodies)`;
      refuse('meeting-already-convened', `meeting ${command.data.meetingId} has already been convened${elsewhere}`, {
        meetingId: command.data.meetingId,
        bodyId: state.bodyId,
      });
    }
    assertNotBefore(command.data.occurredAt, body.establishedAt, `body ${body.bodyId} was established`);
    return [{ type: 'MeetingConvened', data: { ...command.data, bodyId: body.bodyId } }];
  }
  if (state.status === 'unknown') refuse('meeting-not-found', 'the meeting has not been convened');
  assertNotBefore(command.data.occurredAt, state.convenedAt, `meeting ${state.meetingId} was convened`);
  assertRecordableDuringMeeting(state, command.data.occurredAt);
  const { meetingId } = state;
  const { occurredAt } = command.data;

  switch (command.type) {
    case 'RecordStatement': {
      const { speakerId, proposalId, summary } = command.data;
      const speaker = requireStatementFacts(command.data, body, facts);
      return [{ type: 'StatementRecorded', data: { meetingId, speakerId, speakerRole: speaker.role, proposalId, summary, occurredAt } }];
    }
    case 'RecordCommunique': {
      if (state.communique !== null) {
        refuse(
          'communique-already-recorded',
          `the communiqué of meeting ${meetingId} was already recorded as ${state.communique}: a correction of that record fixes its ${state.communique === 'adopted' ? 'text' : 'reason'} or date, but not whether one was adopted`,
          {
            meetingId,
            communique: state.communique,
          },
        );
      }
      const data = command.data;
      return data.adopted
        ? [{ type: 'CommuniqueAdopted', data: { meetingId, text: data.text, occurredAt } }]
        : [{ type: 'CommuniqueNotAdopted', data: { meetingId, reason: data.reason, occurredAt } }];
    }
    case 'CloseMeeting':
      if (state.status === 'closed') {
        // A meeting closes once: a second closure, whatever its date, is no record of anything (a wrong date is corrected).
        refuse(
          'meeting-closed',
          `meeting ${meetingId} was already closed, on ${state.closedAt ?? 'a date not recorded'}; correct that closure's date if it is wrong`,
          {
            meetingId,
            closedAt: state.closedAt,
          },
        );
      }
      // A closure dated before a record the meeting holds would leave that record after the meeting closed.
      assertNotBefore(occurredAt, state.latestRecordAt, `the latest record of meeting ${meetingId}`);
      return [{ type: 'MeetingClosed', data: { meetingId, occurredAt } }];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

/**
 * Records may be entered late (rule 8), so a closed meeting still takes what happened before it
 * closed; it refuses only what would have happened after.
 */
function assertRecordableDuringMeeting(state: ConvenedMeeting, occurredAt: string): void {
  if (state.closedAt !== null && occurredAt > state.closedAt) {
    refuse('meeting-closed', `meeting ${state.meetingId} closed at ${state.closedAt}, before ${occurredAt}`, {
      meetingId: state.meetingId,
      closedAt: state.closedAt,
    });
  }
}

/**
 * What a statement needs of other streams on its date: its speaker a member of the body (participant
 * or observer, not withdrawn) and the proposal it is about, if any, one of this body's, already
 * tabled: in world time the proposal would not be there yet. A correction of the statement's date
 * is held to the same (`decideCorrection`). Returns the speaker.
 */
export function requireStatementFacts(
  statement: { readonly speakerId: string; readonly proposalId: string | null; readonly occurredAt: string },
  body: EstablishedBody,
  facts: MeetingFacts,
): Member {
  const { speakerId, proposalId, occurredAt } = statement;
  const speaker = body.members.get(speakerId);
  if (!speaker || speaker.status === 'withdrawn') {
    refuse('not-a-member', `${speakerId} was neither a participant nor an observer of body ${body.bodyId} on ${occurredAt}`, { speakerId });
  }
  if (proposalId !== null) {
    assertProposalOfBody(proposalId, facts.proposalBodyId, body.bodyId);
    if (facts.proposalTabledAt !== undefined) assertNotBefore(occurredAt, facts.proposalTabledAt, `proposal ${proposalId} was tabled`);
  }
  return speaker;
}

function assertProposalOfBody(proposalId: string, proposalBodyId: string | null | undefined, bodyId: string): void {
  if (proposalBodyId === null || proposalBodyId === undefined) {
    refuse('proposal-not-found', `proposal ${proposalId} does not exist`, { proposalId });
  }
  if (proposalBodyId !== bodyId) {
    refuse('proposal-of-another-body', `proposal ${proposalId} belongs to body ${proposalBodyId}, not ${bodyId}`, { proposalId });
  }
}
