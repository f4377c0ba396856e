import {
  assertNotBefore,
  bodyFacts,
  BodyState,
  CommandContext,
  ConsensusPolicy,
  decideBody,
  correctionFacts,
  decideCorrection,
  withoutDerivedFields,
  decideMeeting,
  decideProposal,
  DomainError,
  FactReader,
  evolveMeeting,
  GovernanceEvent,
  initialBodyState,
  initialMeetingState,
  initialProposalState,
  isBodyEvent,
  isMeetingEvent,
  isProposalEvent,
  MeetingState,
  meetingFacts,
  parseStream,
  proposalFacts,
  ProposalState,
  refuse,
} from '@concord/governance';
import { upcast } from '@concord/governance/schemas';
import { AggregateTimeline, foldBody, foldProposal, RecordedEvent } from '@concord/projections';
import { canonicalJson } from '@concord/ledger';
import { ImportedEvent } from './import-validation';
import { commandOf } from './record-commands';

const OPENING_TYPES: Readonly<Record<string, readonly string[]>> = {
  body: ['BodyEstablished'],
  meeting: ['MeetingConvened'],
  proposal: ['ProposalTabled', 'DefinitionAmendmentProposed'],
};

const BELONGS: Readonly<Record<string, (event: GovernanceEvent) => boolean>> = { body: isBodyEvent, meeting: isMeetingEvent, proposal: isProposalEvent };

const ID_FIELD: Readonly<Record<string, string>> = { body: 'bodyId', meeting: 'meetingId', proposal: 'proposalId' };

const foldMeeting = (state: MeetingState, { event }: RecordedEvent): MeetingState => (isMeetingEvent(event) ? evolveMeeting(state, event) : state);

/**
 * Judges an import by the ledger's own rules, as the API judged each record when it was made, so
 * that an edited export cannot put into a ledger what the ledger would have refused. Every stream
 * must open with its opening record, hold only its own kind of record and name itself; then every
 * record's command is decided again by the domain's deciders, with the facts the API's handlers
 * read (the body as it stood on the record's date, the meeting it names, the proposal it concerns),
 * and must come out exactly as recorded.
 */
export class ImportRules {
  private readonly timelines = new Map<string, AggregateTimeline<unknown>>();
  private readonly streamOfEvent = new Map<string, string>();

  constructor(private readonly policy: ConsensusPolicy) {}

  /** Why the ledger would have refused this record, if it would have; then the record is taken into account. */
  async check(imported: ImportedEvent): Promise<string | undefined> {
    const { stream, event: stored, position, streamRevision } = imported;
    const parsed = parseStream(stream);
    if (!parsed) return undefined;
    const event = { type: stored.type, data: upcast(stored.type, stored.schemaVersion, stored.data).data } as GovernanceEvent;
    const recorded: RecordedEvent = { ...stored, position, streamRevision, recordedAt: stored.metadata.recordedAt, actor: stored.metadata.actor, event };
    const timeline = this.timelineOf(parsed.kind, stream);
    const problem =
      this.shapeProblem(parsed.kind, parsed.id, event, streamRevision) ?? (await this.refusal(event, parsed.id, timeline, recorded.recordedAt, stream));
    if (problem) return problem;
    if (event.type === 'CorrectionRecorded') timeline.correct({ ...recorded, ...event.data });
    else timeline.append(recorded);
    this.streamOfEvent.set(stored.eventId, stream);
    return undefined;
  }

  private shapeProblem(kind: string, id: string, event: GovernanceEvent, revision: number): string | undefined {
    const opening = (OPENING_TYPES[kind] ?? []).includes(event.type);
    if (revision === 0 && !opening) return `a ${kind} stream opens with ${(OPENING_TYPES[kind] ?? []).join(' or ')}, not ${event.type}`;
    if (revision > 0 && opening) return `${event.type} can only open a stream`;
    if (event.type === 'CorrectionRecorded') return undefined;
    if (!BELONGS[kind]?.(event)) return `${event.type} is not a ${kind} record`;
    const named = (event.data as Record<string, unknown>)[ID_FIELD[kind] ?? ''];
    if (named !== undefined && named !== id) return `${event.type} names ${String(named)} but is in the stream of ${id}`;
    return undefined;
  }

  private async refusal(
    event: GovernanceEvent,
    id: string,
    timeline: AggregateTimeline<unknown>,
    recordedAt: string,
    stream: string,
  ): Promise<string | undefined> {
    try {
      const decided = await this.decideAgain(event, id, timeline, { now: recordedAt }, stream);
      if (decided && (decided.type !== event.type || canonicalJson(decided.data) !== canonicalJson(event.data))) {
        return `${event.type} is not what the ledger would have recorded: ${decided.type} ${canonicalJson(decided.data)}`;
      }
      return undefined;
    } catch (error) {
      if (error instanceof DomainError) return `${event.type} breaks a rule of the ledger (${error.code}): ${error.message}`;
      throw error;
    }
  }

  /**
   * The record the ledger's deciders make of this record's command, with the facts the API's
   * handlers read: the same `meetingFacts` / `proposalFacts`, over the records checked so far.
   */
  private async decideAgain(
    event: GovernanceEvent,
    id: string,
    timeline: AggregateTimeline<unknown>,
    context: CommandContext,
    stream: string,
  ): Promise<GovernanceEvent | undefined> {
    if (event.type === 'CorrectionRecorded') {
      const { correctsEventId, reason, corrections, occurredAt } = event.data;
      const index = this.streamOfEvent.get(correctsEventId) === stream ? timeline.indexOf(correctsEventId) : undefined;
      const target = index === undefined ? undefined : timeline.events[index];
      if (!target) return refuse('event-not-found', `no earlier event ${correctsEventId} in ${stream}`);
      const targetRecord = { eventId: correctsEventId, type: target.event.type, data: target.event.data };
      // What the ledger works out when it decides a record again is not the clerk's to give: decided again, it must come out the same.
      const given = withoutDerivedFields(targetRecord.type, corrections);
      const command = { type: 'RecordCorrection', data: { correctsEventId, reason, corrections: given, occurredAt } } as const;
      const facts = await correctionFacts(targetRecord, given, timeline.state as ProposalState, this.facts, this.policy);
      return decideCorrection(command, targetRecord, context, timeline.events, facts)[0];
    }
    const record = commandOf(event);
    if (!record) return undefined;
    const openedBy = (event.data as { bodyId?: string }).bodyId;
    switch (record.kind) {
      case 'body': {
        const body = timeline.state as BodyState;
        const facts = await bodyFacts(id, record.command, body, this.facts);
        return decideBody(record.command, body, context, facts)[0];
      }
      case 'meeting': {
        const meeting = timeline.state as MeetingState;
        const facts = await meetingFacts(id, record.command, meeting, this.facts, openedBy);
        return decideMeeting(record.command, meeting, facts, context)[0];
      }
      case 'proposal': {
        const proposal = timeline.state as ProposalState;
        const facts = await proposalFacts(id, record.command, proposal, this.facts, this.policy, openedBy);
        return decideProposal(record.command, proposal, facts, context)[0];
      }
      default: {
        const unhandled: never = record;
        return unhandled;
      }
    }
  }

  /** What the records checked so far say, as the API's handlers would read it from the store. */
  private readonly facts: FactReader = {
    body: async (bodyId) => this.state<BodyState>(`body-${bodyId}`) ?? initialBodyState,
    bodyAt: async (bodyId, moment) => this.bodyAt(bodyId, moment),
    meeting: async (meetingId) => this.state<MeetingState>(`meeting-${meetingId}`) ?? initialMeetingState,
    proposal: async (proposalId) => this.state<ProposalState>(`proposal-${proposalId}`) ?? initialProposalState,
  };

  /** The body as it stood on a date, as the API's handlers read it; a date before its establishment is out of order. */
  private bodyAt(bodyId: string, moment: string): BodyState {
    const timeline = this.timelines.get(`body-${bodyId}`);
    const opening = timeline?.events[0];
    if (opening) assertNotBefore(moment, opening.event.data.occurredAt, `body ${bodyId} was established`);
    return (timeline?.at({ position: Number.MAX_SAFE_INTEGER, effectiveAt: moment, moment })?.state as BodyState | undefined) ?? initialBodyState;
  }

  private state<S>(stream: string): S | undefined {
    return this.timelines.get(stream)?.state as S | undefined;
  }

  private timelineOf(kind: string, stream: string): AggregateTimeline<unknown> {
    const existing = this.timelines.get(stream);
    if (existing) return existing;
    const made = (
      kind === 'body'
        ? new AggregateTimeline(stream, initialBodyState, foldBody)
        : kind === 'proposal'
          ? new AggregateTimeline(stream, initialProposalState, foldProposal)
          : new AggregateTimeline(stream, initialMeetingState, foldMeeting)
    ) as AggregateTimeline<unknown>;
    this.timelines.set(stream, made);
    return made;
  }
}
