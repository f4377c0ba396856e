import { PointInTime, ProposalHistoryEntry } from '@concord/projections';
import { Finding } from '../finding';
import { table } from '../table';
import { describePoint } from './describe-point';
import { namesIn, Report } from './status-command';

/** `concord history <proposalId>`: every record of the proposal, what it changed, and its corrections. */
export async function historyReport(proposalId: string, at: PointInTime): Promise<Report> {
  const entries = await at.history.proposalHistory(proposalId);
  if (!entries) throw new Finding(`no proposal ${proposalId} ${describePoint(at.point)}`);
  const name = namesIn(await at.models.body((await at.models.proposal(proposalId))?.bodyId ?? ''));
  const rows = entries.flatMap((entry) => [
    [entry.position, entry.occurredAt, entry.recordedAt, entry.actor.id, entry.type, describeChanges(entry, name)],
    ...entry.corrections.map((c) => [
      '',
      c.occurredAt,
      c.recordedAt,
      c.actor.id,
      `  corrected by position ${c.position}`,
      `${describeValues(c.corrections)} (${c.reason})`,
    ]),
  ]);
  const text = [
    `Proposal ${proposalId}, ${describePoint(at.point)}`,
    table(['position', 'occurredAt', 'recordedAt', 'actor', 'record', 'what changed'], rows),
  ].join('\n');
  return { json: { proposalId, ...at.point, entries }, text };
}

export function describeChanges(entry: ProposalHistoryEntry, name: (id: string) => string): string {
  if (Object.values(entry.changes).every(({ from }) => from === null)) {
    const { status, revision, consensusPossible } = entry.consensus;
    return `${status}, revision ${revision}, consensus ${consensusPossible ? 'possible' : 'blocked'}`;
  }
  if (entry.type === 'NoConsensusRecorded' || entry.type === 'ConsensusDeclared') {
    // A corrected outcome reads as the other type: only a record of no consensus lists who blocked.
    const data = entry.correctedData ?? entry.data;
    const blocked = data['blockingParticipants'];
    if (!Array.isArray(blocked)) return 'consensus declared';
    return blocked.length > 0 ? `no consensus: blocked by ${blocked.map((id) => name(String(id))).join(', ')}` : 'no consensus recorded';
  }
  const changes = Object.entries(entry.changes).map(([field, { from, to }]) => `${field}: ${show(from)} -> ${show(to)}`);
  return changes.length > 0 ? changes.join('; ') : 'no change in consensus status';
}

function describeValues(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .map(([field, value]) => `${field} = ${show(value)}`)
    .join(', ');
}

function show(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => (typeof item === 'object' && item !== null && 'participantId' in item ? String(item.participantId) : show(item))).join(', ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
