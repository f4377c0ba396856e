import { PointInTime, ProposalHistoryEntry } from '@concord/projections';
import { actorLabel } from '../actor-label';
import { Finding } from '../finding';
import { table } from '../table';
import { describePoint } from './describe-point';
import { describeCorrections, recordedOccurredAt, showValue } from './history-corrections';
import { namesIn, Report } from './status-command';

/** `concord history <proposalId>`: every record of the proposal, what it changed, and its corrections. */
export async function historyReport(proposalId: string, at: PointInTime): Promise<Report> {
  const entries = await at.history.proposalHistory(proposalId);
  if (!entries) throw new Finding(`no proposal ${proposalId} ${describePoint(at.point)}`);
  const name = namesIn(await at.models.body((await at.models.proposal(proposalId))?.bodyId ?? ''));
  const text = [
    `Proposal ${proposalId}, ${describePoint(at.point)}`,
    table(['position', 'occurredAt', 'recordedAt', 'actor', 'record', 'what changed'], historyRows(entries, name)),
  ].join('\n');
  return { json: { proposalId, ...at.point, entries }, text };
}

/**
 * One row per record, as recorded (its original `occurredAt` too), and beneath it one row per
 * correction saying what the correction changed, so the original and the correction read side by side.
 */
export function historyRows(entries: readonly ProposalHistoryEntry[], name: (id: string) => string): (string | number)[][] {
  return entries.flatMap((entry) => [
    [entry.position, recordedOccurredAt(entry), entry.recordedAt, actorLabel(entry.actor.id, entry.actor.name), entry.type, describeChanges(entry, name)],
    ...describeCorrections(entry).map(({ note, change }) => [
      '',
      note.occurredAt,
      note.recordedAt,
      actorLabel(note.actor.id, note.actor.name),
      `  corrected by position ${note.position}`,
      change,
    ]),
  ]);
}

export function describeChanges(entry: ProposalHistoryEntry, name: (id: string) => string): string {
  const changed = Object.values(entry.changes);
  // The proposal's first record: every field from nothing. A record that changed nothing has no field at all.
  if (changed.length > 0 && changed.every(({ from }) => from === null)) {
    const { status, revision, consensusPossible } = entry.consensus;
    return `${status}, revision ${revision}, consensus ${consensusPossible ? 'possible' : 'blocked'}`;
  }
  // The record as it was recorded, as its `changes` are: a correction of its outcome is said on the
  // correction's own line beneath it, and the correction's entry says what it changed in the status.
  if (entry.type === 'ConsensusDeclared') return 'consensus declared';
  if (entry.type === 'NoConsensusRecorded') {
    const blocked = entry.data['blockingParticipants'];
    return Array.isArray(blocked) && blocked.length > 0
      ? `no consensus: blocked by ${blocked.map((id) => name(String(id))).join(', ')}`
      : 'no consensus recorded';
  }
  // A field going from absent to empty (no blockers before, none after) is no change to a reader.
  const changes = Object.entries(entry.changes)
    .filter(([, { from, to }]) => !(isNothing(from) && isNothing(to)))
    .map(([field, { from, to }]) => {
      // Objections are named by their participants, unless only their grounds changed (a correction of them).
      const [before, after] = [showValue(from), showValue(to)];
      return before === after ? `${field}: ${showValue(from, true)} -> ${showValue(to, true)}` : `${field}: ${before} -> ${after}`;
    });
  return changes.length > 0 ? changes.join('; ') : 'no change in consensus status';
}

function isNothing(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}
