import { PROPOSAL_STATUSES } from '@concord/governance';
import { ReadModels } from '@concord/projections';
import { table } from '../table';
import { Report } from './status-command';

/** `concord replay`: what every read model says once the log is folded up to the point. */
export async function replayReport(models: ReadModels, bodyIds: readonly string[], position: number, recordedBy: string | undefined): Promise<Report> {
  const bodies = [];
  for (const bodyId of bodyIds) {
    const [body, byStatus] = [await models.body(bodyId), await models.proposalCounts(bodyId)];
    if (!body || !byStatus) continue;
    const members = {
      participants: body.participants.length,
      activeParticipants: body.participants.filter((p) => p.status === 'active').length,
      observers: body.observers.length,
    };
    bodies.push({
      bodyId,
      name: body.name,
      ...members,
      proposals: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
      proposalsByStatus: byStatus,
      chairs: (await models.chairs(bodyId)) ?? [],
    });
  }
  const header = `Replayed up to position ${position}${recordedBy === undefined ? '' : ` (everything recorded by ${recordedBy})`}: ${bodies.length} ${bodies.length === 1 ? 'body' : 'bodies'}`;
  const text = [
    header,
    '',
    table(
      ['body', 'name', 'participants', 'active', 'observers', 'proposals', ...PROPOSAL_STATUSES],
      bodies.map((b) => [
        b.bodyId,
        b.name,
        b.participants,
        b.activeParticipants,
        b.observers,
        b.proposals,
        ...PROPOSAL_STATUSES.map((s) => b.proposalsByStatus[s] ?? 0),
      ]),
    ),
    ...bodies.flatMap((b) => [
      '',
      `Chairs by term: ${b.bodyId}`,
      table(
        ['term', 'chair', 'basis', 'vice-chair'],
        b.chairs.map((c) => [c.term, c.chair, c.basis, c.viceChair]),
      ),
    ]),
  ].join('\n');
  return { json: { position, ...(recordedBy === undefined ? {} : { asOf: recordedBy }), bodies }, text };
}
