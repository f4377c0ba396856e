import { PROPOSAL_STATUSES, ProposalStatus } from '@concord/governance';
import { BodyView, ChairTermView, everyItem, PointFields, PointInTime, ProposalView } from '@concord/projections';
import { UsageError } from '../cli-arguments';
import { Finding } from '../finding';
import { table } from '../table';
import { describePoint } from './describe-point';

export interface Report {
  readonly json: unknown;
  readonly text: string;
}

/** What a body's report lists of its proposals: the open ones, or (`--all-proposals`) every one, with counts by status. */
export type ProposalsListed = 'open' | 'all';

/**
 * `concord status <id>`: a proposal's consensus status, or a body's membership, offices and
 * proposals. Ids are slugs, so `body:kp` or `proposal:p1` can say which is meant when both exist.
 * A body lists its open proposals unless every one is asked for: a body of twenty years may have
 * tabled thousands, and the open ones are found from the index without reading the others.
 */
export async function statusReport(asked: string, at: PointInTime, listed: ProposalsListed = 'open'): Promise<Report> {
  const [kind, id] = asked.includes(':') ? (asked.split(/:(.*)/s, 2) as [string, string]) : ['any', asked];
  if (!['any', 'body', 'proposal'].includes(kind)) throw new Finding(`${asked}: the prefix must be body: or proposal:`);
  const proposal = kind === 'body' ? undefined : await at.models.proposal(id);
  const body = kind === 'proposal' ? undefined : await at.models.body(id);
  if (proposal && body) throw new Finding(`${id} names both a body and a proposal; ask for body:${id} or proposal:${id}`);
  if (proposal && listed === 'all') throw new UsageError(`--all-proposals lists a body's proposals; ${id} is a proposal`);
  if (proposal)
    return { json: { kind: 'proposal', ...at.point, proposal }, text: proposalText(proposal, at.point, namesIn(await at.models.body(proposal.bodyId))) };
  if (body) {
    const chairs = (await at.models.chairs(id)) ?? [];
    const filter = listed === 'all' ? {} : { status: 'open' as const };
    const proposals = (await everyItem((page) => at.models.proposalsOfBody(id, page, filter))) ?? [];
    if (listed === 'open')
      return { json: { kind: 'body', ...at.point, body, chairs, openProposals: proposals }, text: bodyText(body, chairs, proposals, at.point) };
    const byStatus = proposalsByStatus(proposals);
    return {
      json: { kind: 'body', ...at.point, body, chairs, proposals, proposalsByStatus: byStatus },
      text: bodyText(body, chairs, proposals, at.point, byStatus),
    };
  }
  const what = kind === 'any' ? 'body or proposal' : kind;
  // Position 0 is before the first event, whether the ledger is empty or the point asked for is early.
  const nothingYet = at.point.position === 0 ? ', before anything was recorded' : '';
  throw new Finding(`no ${what} ${id} ${describePoint(at.point)}${nothingYet}`);
}

function proposalText(proposal: ProposalView, point: PointFields, name: (id: string) => string): string {
  const lines = [
    `Proposal ${proposal.proposalId} (${proposal.kind}) of body ${proposal.bodyId}, ${describePoint(point)}`,
    `Title:     ${proposal.title}`,
    `Text:      ${proposal.text}`,
    `Tabled by: ${proposal.proposedBy.join(', ')}`,
    `Status:    ${proposal.status} (revision ${proposal.revision})`,
    `Consensus: ${consensusLine(proposal, name)}`,
    `Supporters: ${proposal.supporters.length > 0 ? proposal.supporters.join(', ') : 'none'}`,
  ];
  if (proposal.standingObjections.length > 0) {
    const blocking = proposal.status === 'open' ? proposal.blockingParticipants : (proposal.decision?.blockedBy ?? []);
    const rows = proposal.standingObjections.map((o) => [o.participantId, o.since, blocking.includes(o.participantId) ? 'yes' : 'no', o.grounds]);
    lines.push(
      '',
      proposal.status === 'open' ? 'Standing objections' : 'Objections standing at the decision',
      table(['participant', 'since', 'blocks', 'grounds'], rows),
    );
  }
  if (proposal.decision) {
    const { outcome, declaredBy, declaredAs, meetingId, occurredAt, blockedBy } = proposal.decision;
    const blocked = blockedBy.length > 0 ? `; blocked by ${blockedBy.map(name).join(', ')}` : '';
    lines.push('', `Decision: ${outcome}, declared by ${declaredBy} (${declaredAs}) at meeting ${meetingId} on ${occurredAt}${blocked}`);
  }
  if (proposal.withdrawal) {
    const { reason, withdrawnBy, occurredAt } = proposal.withdrawal;
    const by = withdrawnBy === null ? 'who withdrew it is not recorded' : `by ${withdrawnBy.map(name).join(', ')}`;
    lines.push('', `Withdrawn on ${occurredAt}, ${by}: ${reason}`);
  }
  return lines.join('\n');
}

/** "Belarus (by)": a member's name beside its id, for people reading the output. */
export function namesIn(body: BodyView | undefined): (id: string) => string {
  const names = new Map<string, string>([
    ...(body?.participants ?? []).map((p) => [p.participantId, p.name] as const),
    ...(body?.observers ?? []).map((o) => [o.observerId, o.name] as const),
  ]);
  return (id) => (names.has(id) ? `${names.get(id) as string} (${id})` : id);
}

function consensusLine(proposal: ProposalView, name: (id: string) => string): string {
  if (proposal.consensusPossible) return 'possible';
  if (proposal.status === 'open') return `blocked by ${proposal.blockingParticipants.map(name).join(', ')}`;
  return `decided (${proposal.status}); no longer open`;
}

function termLine(label: string, term: ChairTermView): string {
  return `${label} ${term.term}: Chair ${term.chair ?? 'none recorded'}${term.basis ? ` (${term.basis})` : ''}, Vice-Chair ${term.viceChair ?? 'none recorded'}`;
}

/** `byStatus` is given when every proposal is listed: the report then ends with the counts instead of the way to ask for them. */
function bodyText(
  body: BodyView,
  chairs: readonly ChairTermView[],
  proposals: readonly ProposalView[],
  point: PointFields,
  byStatus?: Readonly<Record<ProposalStatus, number>>,
): string {
  const { currentTerm: term, definition } = body;
  return [
    `Body ${body.bodyId}: ${body.name}, established ${body.establishedAt}, ${describePoint(point)}`,
    termLine('Term', term),
    ...(body.latestRecordedTerm !== null && body.latestRecordedTerm.term !== term.term ? [termLine('Latest term recorded', body.latestRecordedTerm)] : []),
    `Definition in force since ${definition.effectiveFrom}${definition.proposalId ? ` (amended by ${definition.proposalId})` : ' (as established)'}:`,
    `  ${definition.text}`,
    '',
    `Participants (${body.participants.length})`,
    table(
      ['id', 'name', 'kind', 'status'],
      body.participants.map((p) => [p.participantId, p.name, p.kind, p.status]),
    ),
    '',
    `Observers (${body.observers.length})`,
    table(
      ['id', 'name', 'status'],
      body.observers.map((o) => [o.observerId, o.name, o.status]),
    ),
    '',
    'Chairs by term',
    table(
      ['term', 'chair', 'basis', 'vice-chair'],
      chairs.map((c) => [c.term, c.chair, c.basis, c.viceChair]),
    ),
    '',
    `${byStatus ? 'Proposals' : 'Open proposals'} (${proposals.length})`,
    table(
      ['id', 'kind', 'status', 'blocking', 'title'],
      proposals.map((p) => [p.proposalId, p.kind, p.status, p.blockingParticipants.join(', ') || null, p.title]),
    ),
    '',
    byStatus
      ? `By status: ${countsText(byStatus)}`
      : `Every proposal, with its status: concord status body:${body.bodyId} ${pointOptions(point)} --all-proposals`,
  ].join('\n');
}

/** The options that ask for the same point again. */
function pointOptions(point: PointFields): string {
  if (point.effectiveAt !== undefined) return `--effective-at ${point.effectiveAt}`;
  if (point.asOf !== undefined) return `--as-of ${point.asOf}`;
  return `--at-position ${point.position}`;
}

/** Every status named, 0 where none stands at it, as `concord replay` counts them: scripts read one shape whatever the body holds. */
function proposalsByStatus(proposals: readonly ProposalView[]): Record<ProposalStatus, number> {
  const counts = Object.fromEntries(PROPOSAL_STATUSES.map((status) => [status, 0])) as Record<ProposalStatus, number>;
  for (const proposal of proposals) counts[proposal.status] += 1;
  return counts;
}

/** The statuses some proposal stands at, for people: "open 2, not-adopted 1". */
function countsText(byStatus: Readonly<Record<ProposalStatus, number>>): string {
  const standing = PROPOSAL_STATUSES.filter((status) => byStatus[status] > 0);
  return standing.map((status) => `${status} ${byStatus[status]}`).join(', ') || 'none';
}
