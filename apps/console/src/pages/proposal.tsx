import { ReactNode } from 'react';
import { record, Schemas } from '../api/client';
import { Answer, ConsensusIndicator } from '../components';
import { href } from '../route';
import { STRINGS } from '../strings';
import { queryOf, TimePoint } from '../time-point';
import { useAnswer } from '../use-answer';
import { namesOf } from './body';
import { CommandForm, FormSpec } from './desk/command-form';
import { Revisions } from './proposal/revisions';
import { useLocalToday } from '../use-today';
import { Timeline } from './proposal/timeline';
import { useMayRecord } from '../caller';
import { RecordingOff } from '../recording-off';

/** A revision replaces the whole text; it is refused if the proposal moved on since the page was read. */
function revisionForm(proposal: Schemas['ProposalAnswer'], today: string): FormSpec {
  return {
    id: 'revise',
    about: `proposals/${proposal.proposalId}`,
    title: STRINGS.proposal.revise,
    fields: [
      { name: 'text', label: STRINGS.proposal.revisedText, kind: 'multiline' },
      { name: 'occurredAt', label: STRINGS.desk.occurredAt, kind: 'text', holdsDate: true },
    ],
    // Dated today, as the desk's forms are: a revision is typed in as it is agreed.
    initial: { text: proposal.text, occurredAt: today },
    basisOf: () => ({ ifMatch: proposal.streamRevision }),
    send: (v, idempotencyKey, basis) =>
      record(`/v1/proposals/${proposal.proposalId}/revisions`, { text: v.text, occurredAt: v.occurredAt }, { idempotencyKey, ifMatch: basis.ifMatch }),
  };
}

export function ProposalPage({ proposalId, point, search }: { proposalId: string; point: TimePoint | null; search: URLSearchParams }): ReactNode {
  const [proposal, reloadProposal] = useAnswer<Schemas['ProposalAnswer']>(`/v1/proposals/${proposalId}${queryOf(point)}`);
  const today = useLocalToday();
  const bodyId = proposal.state === 'loaded' ? proposal.answer.bodyId : null;
  const [body] = useAnswer<Schemas['BodyAnswer']>(bodyId === null ? null : `/v1/bodies/${bodyId}${queryOf(point)}`);
  const [history, reloadHistory] = useAnswer<Schemas['ProposalHistoryAnswer']>(`/v1/proposals/${proposalId}/history${queryOf(point)}`);
  const mayRecord = useMayRecord();
  // Forms are offered now, and only to a key that may record.
  const readOnly = point !== null || !mayRecord;
  const reload = (): void => {
    reloadProposal();
    reloadHistory();
  };
  const nameOf = body.state === 'loaded' ? namesOf(body.answer) : (id: string) => id;
  return (
    <main>
      <Answer loaded={proposal}>
        {(answer) => (
          <>
            <p>
              <a href={href(`/bodies/${answer.bodyId}`, search)}>← {body.state === 'loaded' ? body.answer.name : answer.bodyId}</a>
            </p>
            <h1>{answer.title}</h1>
            <p>
              <ConsensusIndicator proposal={answer} nameOf={nameOf} />
            </p>
            <section aria-labelledby="text">
              <h2 id="text">{STRINGS.proposal.text}</h2>
              <blockquote dir="auto">{answer.text}</blockquote>
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
                      <li key={o.participantId} className="kept-lines">
                        {nameOf(o.participantId)}: “{o.grounds}”
                        {/* An objection stands until withdrawn, but blocks only while its participant takes part (rule 3). */}
                        {answer.status === 'open' && !answer.blockingParticipants.includes(o.participantId) && (
                          <span className="muted"> {STRINGS.proposal.notBlocking}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </section>
          </>
        )}
      </Answer>
      {proposal.state === 'loaded' && !readOnly && (
        <section className="forms">
          {/* One form per proposal: after a revision it takes up the text now in force, and stays closed until something is entered. */}
          <CommandForm
            key={proposal.answer.proposalId}
            spec={revisionForm(proposal.answer, today)}
            disabled={readOnly}
            closed={proposal.answer.status === 'open' ? undefined : STRINGS.proposal.closedMeanwhile}
            reread={reload}
          />
        </section>
      )}
      {proposal.state === 'loaded' && proposal.answer.status === 'open' && point === null && <RecordingOff />}
      {history.state === 'loaded' && <Revisions entries={history.answer.entries} />}
      {/* A proposal not found is said once, above: its timeline is not found for the same reason. */}
      {proposal.state !== 'refused' && (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{STRINGS.proposal.timeline}</h2>
          <Answer loaded={history}>
            {(answer) => (
              <Timeline
                proposalId={proposalId}
                entries={answer.entries}
                nameOf={nameOf}
                shownRevision={proposal.state === 'loaded' ? proposal.answer.streamRevision : undefined}
                readOnly={readOnly}
                reread={reload}
              />
            )}
          </Answer>
        </section>
      )}
    </main>
  );
}
