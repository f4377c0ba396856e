import { Actor } from '@concord/event-store';
import {
  BodyState,
  ConsensusPolicy,
  ConsensusStatus,
  consensusStatus,
  evolveProposal,
  initialProposalState,
  isProposalEvent,
  parseStream,
  ProposalState,
} from '@concord/governance';
import { CURRENT_SCHEMA_VERSION } from '@concord/governance/schemas';
import { AggregateTimeline, AppliedCorrection, EventHistory, occurredAtOf, RecordedEvent } from './aggregate-timeline';
import { HistoryKey } from './body-history-index';
import { LedgerView } from './ledger-view';
import { ProposalView, ReadModels } from './read-models';
import { ResolvedPoint } from './time-point';

export interface CorrectionNote {
  readonly eventId: string;
  readonly position: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly reason: string;
  readonly corrections: AppliedCorrection['corrections'];
}

/** One recorded event as auditors read it: as recorded, and beside it every correction that applies. */
export interface HistoryEntry {
  readonly position: number;
  readonly stream: string;
  readonly streamRevision: number;
  readonly eventId: string;
  readonly type: string;
  /** The version `data` is served at: the current one, since stored events of older versions are read upcast. */
  readonly schemaVersion: number;
  /** World time as it reads at the point (a correction may have moved it). */
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  /** The data as recorded, before any correction (upcast to the current version, like every read). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The data with the corrections below applied; `null` when nothing corrects it. */
  readonly correctedData: Readonly<Record<string, unknown>> | null;
  /**
   * The type the event reads as once corrected, where a correction changed it (a decision's outcome:
   * `ConsensusDeclared` read as `NoConsensusRecorded`, or back); `null` where it reads as recorded.
   */
  readonly correctedType: string | null;
  readonly corrections: readonly CorrectionNote[];
}

export type ConsensusSnapshot = Pick<ProposalView, 'status' | 'revision' | 'supporters' | 'standingObjections' | 'blockingParticipants' | 'consensusPossible'>;

export interface ProposalHistoryEntry extends HistoryEntry {
  /** The consensus status once this entry was recorded. */
  readonly consensus: ConsensusSnapshot;
  /** Each consensus field this entry changed, from its value before. */
  readonly changes: Readonly<Record<string, { from: unknown; to: unknown }>>;
}

export interface BodyHistoryQuery {
  readonly from: string;
  readonly to: string;
  readonly limit: number;
  readonly after: HistoryKey | null;
}

export interface BodyHistoryPage {
  readonly entries: HistoryEntry[];
  /** Where the next page starts; `null` on the last page. */
  readonly next: HistoryKey | null;
}

export interface DefinitionVersion {
  readonly version: number;
  readonly text: string;
  readonly effectiveFrom: string;
  /** When the next version took over; `null` for the definition in force. */
  readonly effectiveUntil: string | null;
  /** The adopted amendment that made this the definition; `null` for the definition as established. */
  readonly amendedBy: { proposalId: string; title: string; meetingId: string; declaredBy: string } | null;
}

interface HistoryStep {
  /** The proposal's own record (always listed), or a body record (listed only if it changed the status). */
  readonly own: boolean;
  readonly entry: () => HistoryEntry;
  readonly consensus: () => Promise<ConsensusSnapshot | undefined> | ConsensusSnapshot | undefined;
}

const CONSENSUS_FIELDS = ['status', 'revision', 'supporters', 'standingObjections', 'blockingParticipants', 'consensusPossible'] as const;

/** The auditors' readings at one point: timelines with corrections beside the originals. */
export class HistoryReadings {
  private readonly models: ReadModels;

  constructor(
    private readonly view: LedgerView,
    private readonly policy: ConsensusPolicy,
    private readonly point: ResolvedPoint,
  ) {
    this.models = new ReadModels(view, policy, point);
  }

  /**
   * The proposal's records, and the records of the body that changed its consensus status (an
   * objector suspended, reinstated or withdrawn), each with the status once it counted. At a
   * recorded point they run in position order and corrections are entries of their own; in world
   * time they run in `occurredAt` order, every correction known so far already applied.
   */
  async proposalHistory(proposalId: string): Promise<ProposalHistoryEntry[] | undefined> {
    const timeline = await this.view.proposal(proposalId);
    const proposal = await this.models.proposal(proposalId);
    const body = proposal ? await this.view.body(proposal.bodyId) : undefined;
    if (!timeline || !proposal || !body) return undefined;
    const steps =
      this.point.effectiveAt === null ? this.stepsByPosition(proposalId, timeline, body) : this.stepsInWorldTime(timeline, body, this.point.effectiveAt);
    let before: ConsensusSnapshot | null = null;
    const entries: ProposalHistoryEntry[] = [];
    for (const step of steps) {
      const consensus = await step.consensus();
      const changes = consensus ? changesBetween(before, consensus) : {};
      if (consensus && (step.own || Object.keys(changes).length > 0)) entries.push({ ...step.entry(), consensus, changes });
      before = consensus ?? before;
    }
    return entries;
  }

  private stepsByPosition(proposalId: string, timeline: EventHistory, body: EventHistory): HistoryStep[] {
    const consensusAt = (position: number) => () => this.consensusAfter(proposalId, position);
    const steps: (HistoryStep & { position: number })[] = [
      ...timeline.originals.map((recorded, index) => ({
        position: recorded.position,
        own: true,
        entry: () => this.entry(timeline, recorded, index),
        consensus: consensusAt(recorded.position),
      })),
      ...timeline.corrections.map((correction) => ({
        position: correction.position,
        own: true,
        entry: () => correctionEntry(timeline, correction),
        consensus: consensusAt(correction.position),
      })),
      ...this.standingChangesOf(timeline, body).map(({ recorded, index }) => ({
        position: recorded.position,
        own: false,
        entry: () => this.entry(body, recorded, index),
        consensus: consensusAt(recorded.position),
      })),
    ];
    return steps.filter((step) => step.position <= this.point.position).sort((a, b) => a.position - b.position);
  }

  private stepsInWorldTime(timeline: EventHistory, bodyTimeline: AggregateTimeline<BodyState>, until: string): HistoryStep[] {
    const body: EventHistory = bodyTimeline;
    const tabledAt = timeline.events[0] ? occurredAtOf(timeline.events[0]) : until;
    let proposal: ProposalState = initialProposalState;
    const events = timeline.events.map((recorded, index) => ({ recorded, index, own: true, source: timeline }));
    // In world time a suspension recorded before a late tabling may still have happened after it.
    const changes = this.standingChangesOf(timeline, body, Number.NEGATIVE_INFINITY)
      .map(({ index }) => ({ recorded: body.events[index] as RecordedEvent, index, own: false, source: body }))
      .filter(({ recorded }) => occurredAtOf(recorded) >= tabledAt);
    return [...events, ...changes]
      .filter(({ recorded }) => occurredAtOf(recorded) <= until)
      .sort((a, b) => occurredAtOf(a.recorded).localeCompare(occurredAtOf(b.recorded)) || a.recorded.position - b.recorded.position)
      .map(({ recorded, index, own, source }) => ({
        own,
        entry: () => this.entry(source, source.originals[index] as RecordedEvent, index),
        consensus: () => {
          if (own && isProposalEvent(recorded.event)) proposal = evolveProposal(proposal, recorded.event);
          const state = bodyTimeline.atWorldTimeUpTo(occurredAtOf(recorded), recorded.position)?.state;
          if (proposal.status === 'unknown' || state?.status !== 'established') return undefined;
          return snapshotOf(consensusStatus(proposal, state, this.policy));
        },
      }));
  }

  /** The body's records that can change who blocks: objectors' suspensions, reinstatements, withdrawals and readmissions after tabling. */
  private standingChangesOf(
    timeline: EventHistory,
    body: EventHistory,
    after = timeline.originals[0]?.position ?? Number.POSITIVE_INFINITY,
  ): { recorded: RecordedEvent; index: number }[] {
    const tabled = after;
    const objectors = new Set(timeline.originals.flatMap(({ event }) => (event.type === 'ObjectionRaised' ? [event.data.participantId] : [])));
    return [...objectors]
      .flatMap((participantId) => body.indexesOfKey(participantId))
      .flatMap((index) => {
        const recorded = body.originals[index];
        return recorded && recorded.position > tabled ? [{ recorded, index }] : [];
      });
  }

  async bodyHistory(bodyId: string, query: BodyHistoryQuery): Promise<BodyHistoryPage | undefined> {
    if (!(await this.models.bodyAt(bodyId))) return undefined;
    const until = this.point.effectiveAt !== null && this.point.effectiveAt < query.to ? this.point.effectiveAt : query.to;
    const start = query.after ?? { occurredAt: query.from, position: 0 };
    const entries: HistoryEntry[] = [];
    let last: HistoryKey | null = null;
    for (const ref of (await this.view.bodyHistory(bodyId)).from(start, until, this.point.position)) {
      if (ref.position > this.point.position) continue;
      const timeline = await this.timelineOf(ref.stream);
      const index = timeline?.indexOf(ref.eventId);
      if (!timeline || index === undefined) continue;
      if (entries.length === query.limit) return { entries, next: last };
      entries.push(this.entry(timeline, timeline.originals[index] as RecordedEvent, index));
      last = { occurredAt: ref.occurredAt, position: ref.position };
    }
    return { entries, next: null };
  }

  async definitionVersions(bodyId: string): Promise<DefinitionVersion[] | undefined> {
    if (!(await this.models.bodyAt(bodyId))) return undefined;
    const versions = await this.models.definitionHistory(bodyId);
    const amendments = await Promise.all(versions.map(({ proposalId }) => (proposalId === null ? null : this.amendment(proposalId))));
    return versions.map(({ text, effectiveFrom }, index) => ({
      version: index + 1,
      text,
      effectiveFrom,
      effectiveUntil: versions[index + 1]?.effectiveFrom ?? null,
      amendedBy: amendments[index] ?? null,
    }));
  }

  private async amendment(proposalId: string): Promise<DefinitionVersion['amendedBy']> {
    const proposal = await this.models.proposal(proposalId);
    if (!proposal?.decision) return null;
    return { proposalId, title: proposal.title, meetingId: proposal.decision.meetingId, declaredBy: proposal.decision.declaredBy };
  }

  private async timelineOf(stream: string): Promise<EventHistory | undefined> {
    const parsed = parseStream(stream);
    if (parsed?.kind === 'body') return this.view.body(parsed.id);
    if (parsed?.kind === 'proposal') return this.view.proposal(parsed.id);
    return undefined;
  }

  private async consensusAfter(proposalId: string, position: number): Promise<ConsensusSnapshot | undefined> {
    const moment = this.view.recordedTimes.momentAfter(position) ?? this.point.moment;
    const proposal = await new ReadModels(this.view, this.policy, { position, effectiveAt: null, moment }).proposal(proposalId);
    return proposal ? snapshotOf(proposal) : undefined;
  }

  private entry(timeline: EventHistory, recorded: RecordedEvent, index: number): HistoryEntry {
    const knownBy = this.point.position;
    const corrections = timeline.correctionsOf(recorded.eventId).filter((correction) => correction.position <= knownBy);
    const corrected = timeline.eventAsOf(index, knownBy);
    return {
      position: recorded.position,
      stream: timeline.stream,
      streamRevision: recorded.streamRevision,
      eventId: recorded.eventId,
      type: recorded.event.type,
      schemaVersion: CURRENT_SCHEMA_VERSION[recorded.event.type],
      occurredAt: occurredAtOf(corrected),
      recordedAt: recorded.recordedAt,
      actor: recorded.actor,
      data: recorded.event.data,
      correctedData: corrections.length > 0 ? corrected.event.data : null,
      correctedType: corrected.event.type === recorded.event.type ? null : corrected.event.type,
      corrections: corrections.map(({ eventId, position, occurredAt, recordedAt, actor, reason, corrections: values }) => ({
        eventId,
        position,
        occurredAt,
        recordedAt,
        actor,
        reason,
        corrections: values,
      })),
    };
  }
}

function correctionEntry(timeline: EventHistory, correction: AppliedCorrection): HistoryEntry {
  const { eventId, position, streamRevision, occurredAt, recordedAt, actor, correctsEventId, reason, corrections } = correction;
  // The data as recorded: the ledger names the corrected record's type in every correction it writes.
  const corrected = timeline.originals[timeline.indexOf(correctsEventId) ?? -1];
  const correctedType = corrected?.event.type;
  return {
    position,
    stream: timeline.stream,
    streamRevision,
    eventId,
    type: 'CorrectionRecorded',
    schemaVersion: CURRENT_SCHEMA_VERSION.CorrectionRecorded,
    occurredAt,
    recordedAt,
    actor,
    data: { correctsEventId, ...(correctedType === undefined ? {} : { correctedType }), reason, corrections, occurredAt },
    correctedData: null,
    correctedType: null,
    corrections: [],
  };
}

function snapshotOf({ status, revision, supporters, standingObjections, blockingParticipants, consensusPossible }: ConsensusStatus): ConsensusSnapshot {
  return { status, revision, supporters, standingObjections, blockingParticipants, consensusPossible };
}

function changesBetween(before: ConsensusSnapshot | null, after: ConsensusSnapshot): ProposalHistoryEntry['changes'] {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of CONSENSUS_FIELDS) {
    const from = before?.[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(after[field])) changes[field] = { from, to: after[field] };
  }
  return changes;
}
