import { BodyCommand } from '../body/body-commands';
import { BodyState } from '../body/body-state';
import { BodyFacts, bodyDateNeeded } from '../body/decide-body';
import { ConveneMeeting, MeetingCommand } from '../meeting/meeting-commands';
import { MeetingFacts } from '../meeting/decide-meeting';
import { MeetingState } from '../meeting/meeting-state';
import { ProposalFacts } from '../proposal/decide-proposal';
import { ProposalCommand, TableProposal } from '../proposal/proposal-commands';
import { ProposalState } from '../proposal/proposal-state';
import { ConsensusPolicy } from '../shared/command-context';
import { refuse } from '../shared/domain-error';
import { isIsoDateOrDateTime, IsoDateTime, normaliseIsoDateTime } from '../shared/time';
import { decisionCommandOf, isDecision } from '../correction/rejudge-decision';
import { datedCommandOf, OtherStreamFacts } from '../correction/other-streams-on-its-date';
import { GovernanceEvent } from '../events';

/**
 * Where the facts a command is judged with come from: the API reads them from the store, an import
 * from the records it has already checked. Both go through the functions below, so what a command
 * needs to know from other streams, and as of which date, is declared once.
 */
export interface FactReader {
  /** The body as it stands now. */
  body(bodyId: string): Promise<BodyState>;
  /**
   * The body as it stood in the world at `moment` (see `bodyAsItStood`); refuses with
   * `occurred-out-of-order` a moment before the body was established.
   */
  bodyAt(bodyId: string, moment: IsoDateTime): Promise<BodyState>;
  /** The meeting as it stands now (`unknown` when never convened). */
  meeting(meetingId: string): Promise<MeetingState>;
  /** The proposal as it stands now (`unknown` when never tabled). */
  proposal(proposalId: string): Promise<ProposalState>;
}

/**
 * A body command is judged by the body as it stands (`body`, its own stream), and an office dated
 * before its holder's last change of status also by the body as it stood on its date: read only
 * then, so that an office dated today reads no more than the body as it stands.
 */
export async function bodyFacts(bodyId: string, command: BodyCommand, body: BodyState, read: FactReader): Promise<BodyFacts> {
  const moment = bodyDateNeeded(command, body);
  return moment === undefined ? {} : { onItsDate: await read.bodyAt(bodyId, moment) };
}

/**
 * A meeting is convened by the body as it stands (`bodyId` is the convening body); anything else
 * recorded at it is judged by the body as it stood on the record's date, and a statement about a
 * proposal also by which body that proposal belongs to and when it was tabled.
 */
export async function meetingFacts(
  meetingId: string,
  command: MeetingCommand,
  meeting: MeetingState,
  read: FactReader,
  bodyId?: string,
): Promise<MeetingFacts> {
  if (command.type === 'ConveneMeeting') return { body: await read.body(conveningBody(command, bodyId)) };
  if (meeting.status === 'unknown') refuse('meeting-not-found', `meeting ${meetingId} has not been convened`, { meetingId });
  const proposalId = command.type === 'RecordStatement' ? command.data.proposalId : null;
  const [body, proposal] = await Promise.all([
    read.bodyAt(meeting.bodyId, command.data.occurredAt),
    proposalId === null ? undefined : read.proposal(proposalId),
  ]);
  if (proposal === undefined) return { body };
  return proposal.status === 'unknown' ? { body, proposalBodyId: null } : { body, proposalBodyId: proposal.bodyId, proposalTabledAt: proposal.tabledAt };
}

/**
 * A proposal command is judged by its body as it stood on the command's date (the tabling body for
 * a new proposal) and by the meeting it names, if any: where it is tabled, decided or deferred to.
 */
export async function proposalFacts(
  proposalId: string,
  command: ProposalCommand,
  proposal: ProposalState,
  read: FactReader,
  policy: ConsensusPolicy,
  bodyId?: string,
): Promise<ProposalFacts> {
  const ownBody = command.type === 'TableProposal' ? tablingBody(command, bodyId) : proposal.status === 'unknown' ? undefined : proposal.bodyId;
  if (ownBody === undefined) return refuse('proposal-not-found', `proposal ${proposalId} has not been tabled`, { proposalId });
  const meetingId = meetingNamedBy(command);
  const [body, meeting] = await Promise.all([read.bodyAt(ownBody, command.data.occurredAt), meetingId === null ? undefined : read.meeting(meetingId)]);
  return meeting === undefined ? { body, policy } : { body, meeting, policy };
}

function meetingNamedBy(command: ProposalCommand): string | null {
  switch (command.type) {
    case 'TableProposal':
    case 'DeclareOutcome':
      return command.data.meetingId;
    case 'DeferProposal':
      return command.data.toMeetingId;
    default:
      return null;
  }
}

function conveningBody(command: ConveneMeeting, bodyId: string | undefined): string {
  if (bodyId === undefined) throw new TypeError(`${command.type} needs the convening body`);
  return bodyId;
}

function tablingBody(command: TableProposal, bodyId: string | undefined): string {
  if (bodyId === undefined) throw new TypeError(`${command.type} needs the tabling body`);
  return bodyId;
}

/**
 * What a correction of a record is judged against besides the record's own stream, with the
 * corrected date when the correction gives a valid one: for a decision, and for a tabling, a
 * deferral, support, an objection or a statement moved to another date, the facts its command
 * reads (the body on that date, the meeting it names, the proposal a statement is about). Undefined
 * for every other correction. `proposal` is the
 * proposal whose record is corrected (`unknown` for a record of another stream).
 */
export async function correctionFacts(
  target: { readonly type: string; readonly data: Readonly<Record<string, unknown>> },
  corrections: Readonly<Record<string, unknown>>,
  proposal: ProposalState,
  read: FactReader,
  policy: ConsensusPolicy,
): Promise<OtherStreamFacts | undefined> {
  const corrected = corrections.occurredAt;
  const occurredAt = typeof corrected === 'string' && isIsoDateOrDateTime(corrected) ? normaliseIsoDateTime(corrected) : (target.data.occurredAt as string);
  const asCorrected = { type: target.type, data: { ...target.data, occurredAt } } as GovernanceEvent;
  // A decision is decided again on any correction; another record only when its date moves.
  const command = isDecision(target.type) ? decisionCommandOf(asCorrected) : corrected === undefined ? undefined : datedCommandOf(asCorrected);
  if (command?.type === 'RecordStatement') {
    const meetingId = target.data.meetingId as string;
    return meetingFacts(meetingId, command, await read.meeting(meetingId), read);
  }
  if (command === undefined || proposal.status === 'unknown') return undefined;
  return proposalFacts(proposal.proposalId, command, proposal, read, policy, proposal.bodyId);
}
