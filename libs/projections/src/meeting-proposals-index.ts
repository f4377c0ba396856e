import { ProjectionRow } from '@concord/event-store';
import { GovernanceEvent } from '@concord/governance';
import { forgetOldest } from './forget-oldest';
import { spanChunk } from './span-chunk';

/** One proposal in a stored chunk: its id, and the position of the record that named the meeting. */
type NamingEntry = [proposalId: string, position: number];

/**
 * The meeting a proposal's record names, if any: the meeting it was tabled at, deferred to, or
 * decided at. No correction can change these fields, so a proposal that names a meeting at any
 * point names it in one of these records.
 */
export function meetingNamedBy(event: GovernanceEvent): string | null {
  switch (event.type) {
    case 'ProposalTabled':
    case 'DefinitionAmendmentProposed':
    case 'ConsensusDeclared':
    case 'NoConsensusRecorded':
      return event.data.meetingId;
    case 'ProposalDeferred':
      return event.data.toMeetingId;
    default:
      return null;
  }
}

/**
 * Which proposals name each meeting in a record of theirs, so that a meeting's answer reads those
 * proposals only, not every proposal of its body. Stored like a body's history: each commit stores,
 * per meeting, the namings made since the last as one `spanChunk`. A meeting's proposals are restored when first asked for, from the
 * stored chunks and the namings made since, and followed from then on.
 */
export class MeetingProposalsIndex {
  private readonly held = new Map<string, Set<string>>();
  private pending = new Map<string, NamingEntry[]>();

  constructor(private readonly collection: string) {}

  note(meetingId: string, proposalId: string, position: number): void {
    const entries = this.pending.get(meetingId);
    if (entries) entries.push([proposalId, position]);
    else this.pending.set(meetingId, [[proposalId, position]]);
    this.held.get(meetingId)?.add(proposalId);
  }

  /** The meeting's proposals if restored; in the order first named. */
  proposalsOf(meetingId: string): ReadonlySet<string> | undefined {
    return this.held.get(meetingId);
  }

  /** The meeting's proposals from its stored chunks (those up to the last commit) and the namings made since. */
  restore(meetingId: string, stored: readonly ProjectionRow[]): ReadonlySet<string> {
    const entries = [...stored.flatMap((row) => row.value as NamingEntry[]), ...(this.pending.get(meetingId) ?? [])].sort((a, b) => a[1] - b[1]);
    const proposals = new Set(entries.map(([proposalId]) => proposalId));
    this.held.set(meetingId, proposals);
    return proposals;
  }

  /** Forgets restored meetings, the least recently restored first, to bound memory: they are restored again when asked for. */
  forget(keep: number): void {
    forgetOldest(this.held, keep);
  }

  /** The namings made since the last commit, one row per meeting; they are then no longer pending. */
  takeRows(): ProjectionRow[] {
    const rows = [...this.pending].map(([meetingId, entries]): ProjectionRow => {
      const first = (entries[0] as NamingEntry)[1];
      const last = (entries.at(-1) as NamingEntry)[1];
      return spanChunk(this.collection, meetingId, first, last, entries);
    });
    this.pending = new Map();
    return rows;
  }

  /** Rows taken but not stored: their namings are pending again, before any made since. */
  giveBack(rows: readonly ProjectionRow[]): void {
    const back = new Map<string, NamingEntry[]>();
    for (const row of rows) if (row.collection === this.collection) back.set(row.key, [...(back.get(row.key) ?? []), ...(row.value as NamingEntry[])]);
    for (const [meetingId, entries] of back) this.pending.set(meetingId, [...entries, ...(this.pending.get(meetingId) ?? [])]);
  }
}
