import { ReactNode } from 'react';
import { Schemas } from '../api/client';
import { Answer, ConsensusIndicator } from '../components';
import { href } from '../route';
import { STRINGS } from '../strings';
import { queryOf, TimePoint } from '../time-point';
import { useAnswer } from '../use-answer';
import { namesOf } from './body';

export function ProposalPage({ proposalId, point, search }: { proposalId: string; point: TimePoint | null; search: URLSearchParams }): ReactNode {
  const [proposal] = useAnswer<Schemas['ProposalAnswer']>(`/v1/proposals/${proposalId}${queryOf(point)}`);
  const bodyId = proposal.state === 'loaded' ? proposal.answer.bodyId : null;
  const [body] = useAnswer<Schemas['BodyAnswer']>(bodyId === null ? null : `/v1/bodies/${bodyId}${queryOf(point)}`);
  const [history] = useAnswer<Schemas['ProposalHistoryAnswer']>(`/v1/proposals/${proposalId}/history${queryOf(point)}`);
  const nameOf = body.state === 'loaded' ? namesOf(body.answer) : (id: string) => id;
  return (
    <main>
      <Answer loaded={proposal}>
        {(answer) => (
          <>
            <p>
              <a href={href(`/bodies/${answer.bodyId}`, search)}>← {answer.bodyId}</a>
            </p>
            <h1>{answer.title}</h1>
            <p>
              <ConsensusIndicator proposal={answer} nameOf={nameOf} />
            </p>
            <section aria-labelledby="text">
              <h2 id="text">{STRINGS.proposal.text}</h2>
              <blockquote>{answer.text}</blockquote>
            </section>
            <section aria-labelledby="supporters" className="columns">
              <div>
                <h2 id="supporters">{STRINGS.proposal.supporters}</h2>
                {answer.supporters.length === 0 ? (
                  <p>{STRINGS.proposal.none}</p>
                ) : (
                  <ul>
                    {answer.supporters.map((s) => (
                      <li key={s}>{nameOf(s)}</li>
                    ))}
                  </ul>
                )}
              </div>
              <div>
                <h2>{STRINGS.proposal.objections}</h2>
                {answer.standingObjections.length === 0 ? (
                  <p>{STRINGS.proposal.none}</p>
                ) : (
                  <ul>
                    {answer.standingObjections.map((o) => (
                      <li key={o.participantId}>
                        {nameOf(o.participantId)}: “{o.grounds}”
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </section>
          </>
        )}
      </Answer>
      <section aria-labelledby="timeline">
        <h2 id="timeline">{STRINGS.proposal.timeline}</h2>
        <Answer loaded={history}>
          {(answer) => (
            <ol className="timeline">
              {answer.entries.map((entry) => (
                <li key={entry.eventId}>
                  <strong>{entry.type}</strong> <span className="muted">{entry.occurredAt.slice(0, 10)}</span>
                  {entry.corrections.length > 0 && <span className="badge corrected"> {STRINGS.proposal.corrected}</span>}
                </li>
              ))}
            </ol>
          )}
        </Answer>
      </section>
    </main>
  );
}
