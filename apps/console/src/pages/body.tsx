import { ReactNode, useMemo } from 'react';
import { Schemas } from '../api/client';
import { Answer, ConsensusIndicator, MorePages } from '../components';
import { href } from '../route';
import { STRINGS } from '../strings';
import { queryOf, TimePoint } from '../time-point';
import { MAX_PAGE, readPages, useAnswer, usePagesAsked } from '../use-answer';

type Body = Schemas['BodyAnswer'];

const PROPOSAL_STATUSES = ['open', 'adopted', 'not-adopted', 'withdrawn'] as const;

type ProposalsPage = Schemas['BodyProposalsAnswer'];

export function namesOf(body: Body): (id: string) => string {
  const names = new Map<string, string>([
    ...body.participants.map((p): [string, string] => [p.participantId, p.name]),
    ...body.observers.map((o): [string, string] => [o.observerId, o.name]),
  ]);
  return (id) => names.get(id) ?? id;
}

function Term({ label, term, nameOf }: { label: string; term: Schemas['ChairTermView']; nameOf: (id: string) => string }): ReactNode {
  const none = STRINGS.body.noneRecorded;
  return (
    <p>
      <strong>{label}</strong> — {STRINGS.body.chair}: {term.chair ? nameOf(term.chair) : none}
      {term.basis ? ` (${term.basis})` : ''}; {STRINGS.body.viceChair}: {term.viceChair ? nameOf(term.viceChair) : none}
    </p>
  );
}

export function BodyPage({ bodyId, point, search }: { bodyId: string; point: TimePoint | null; search: URLSearchParams }): ReactNode {
  const [body] = useAnswer<Body>(`/v1/bodies/${bodyId}${queryOf(point)}`);
  const [meetings] = useAnswer<Schemas['BodyMeetingsAnswer']>(`/v1/bodies/${bodyId}/meetings${queryOf(point, { limit: String(MAX_PAGE) })}`);
  const [definition] = useAnswer<Schemas['BodyDefinitionAnswer']>(`/v1/bodies/${bodyId}/definition${queryOf(point)}`);
  // How many pages of proposals the reader asked to see, for this body at this point. They are read
  // together, and read again together when the ledger records something: what is shown stays until
  // the new pages are in.
  const [pagesWanted, askForMore] = usePagesAsked(`${bodyId}${queryOf(point)}`);
  const readProposals = useMemo(() => readPages<ProposalsPage, 'proposals'>('proposals', pagesWanted), [pagesWanted]);
  const [proposals] = useAnswer<ProposalsPage>(`/v1/bodies/${bodyId}/proposals${queryOf(point, { limit: String(MAX_PAGE) })}`, readProposals);
  return (
    <main>
      <Answer loaded={body}>
        {(answer) => {
          const nameOf = namesOf(answer);
          return (
            <>
              <h1>{answer.name}</h1>
              <section aria-labelledby="offices">
                <h2 id="offices">{STRINGS.body.offices}</h2>
                <Term label={STRINGS.body.term(answer.currentTerm.term)} term={answer.currentTerm} nameOf={nameOf} />
                {answer.latestRecordedTerm && answer.latestRecordedTerm.term !== answer.currentTerm.term && (
                  <Term label={STRINGS.body.latestTerm(answer.latestRecordedTerm.term)} term={answer.latestRecordedTerm} nameOf={nameOf} />
                )}
              </section>
              <section aria-labelledby="definition">
                <h2 id="definition">{STRINGS.body.definition}</h2>
                <blockquote dir="auto">{answer.definition.text}</blockquote>
                <p className="muted">{STRINGS.body.since(answer.definition.effectiveFrom.slice(0, 10))}</p>
                {definition.state === 'loaded' && definition.answer.versions.length > 1 && (
                  <>
                    <h3>{STRINGS.body.versions}</h3>
                    <ol>
                      {definition.answer.versions.map((version) => (
                        <li key={version.version}>
                          {STRINGS.body.version(version.effectiveFrom.slice(0, 10), version.effectiveUntil?.slice(0, 10) ?? null)}
                          {version.amendedBy && (
                            <>
                              {' '}
                              <a href={href(`/proposals/${version.amendedBy.proposalId}`, search)}>
                                <bdi>{version.amendedBy.title}</bdi>
                              </a>
                            </>
                          )}
                          <blockquote dir="auto">{version.text}</blockquote>
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </section>
              <section aria-labelledby="members" className="columns">
                <div>
                  <h2 id="members">{STRINGS.body.participants}</h2>
                  <ul>
                    {answer.participants.map((p) => (
                      <li key={p.participantId}>
                        <bdi>{p.name}</bdi>{' '}
                        <span className="muted">
                          ({p.participantId}, {p.status})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h2>{STRINGS.body.observers}</h2>
                  <ul>
                    {answer.observers.map((o) => (
                      <li key={o.observerId}>
                        <bdi>{o.name}</bdi>{' '}
                        <span className="muted">
                          ({o.observerId}, {o.status})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              </section>
              <section aria-labelledby="proposals">
                <h2 id="proposals">{STRINGS.body.proposals}</h2>
                <Answer loaded={proposals}>{(listed) => <ProposalList listed={listed} askForMore={askForMore} nameOf={nameOf} search={search} />}</Answer>
              </section>
              <section aria-labelledby="meetings">
                <h2 id="meetings">{STRINGS.body.meetings}</h2>
                <Answer loaded={meetings}>
                  {(listed) =>
                    listed.meetings.length === 0 ? (
                      <p>{STRINGS.body.noMeetings}</p>
                    ) : (
                      <ul className="cards">
                        {listed.meetings.map((meeting) => (
                          <li key={meeting.meetingId}>
                            <a href={href(`/meetings/${meeting.meetingId}`, search)}>
                              {meeting.kind}, <bdi>{meeting.location}</bdi>, {meeting.opensOn}
                            </a>{' '}
                            <span className="muted">({meeting.status})</span>
                          </li>
                        ))}
                      </ul>
                    )
                  }
                </Answer>
              </section>
            </>
          );
        }}
      </Answer>
    </main>
  );
}

/** The body's proposals by status, as many pages as were read, and a button to read one more while there are. */
function ProposalList({
  listed,
  askForMore,
  nameOf,
  search,
}: {
  listed: ProposalsPage;
  askForMore: () => void;
  nameOf: (id: string) => string;
  search: URLSearchParams;
}): ReactNode {
  const { proposals, nextCursor } = listed;
  if (proposals.length === 0 && nextCursor === null) return <p>{STRINGS.body.noProposals}</p>;
  return (
    <>
      {PROPOSAL_STATUSES.map((status) => {
        const ofStatus = proposals.filter((proposal) => proposal.status === status);
        return (
          ofStatus.length > 0 && (
            <div key={status}>
              <h3>{STRINGS.body.status[status]}</h3>
              <ul className="cards">
                {ofStatus.map((proposal) => (
                  <li key={proposal.proposalId}>
                    <a href={href(`/proposals/${proposal.proposalId}`, search)}>
                      <bdi>{proposal.title}</bdi>
                    </a>{' '}
                    <ConsensusIndicator proposal={proposal} nameOf={nameOf} />
                  </li>
                ))}
              </ul>
            </div>
          )
        );
      })}
      <MorePages more={nextCursor !== null} shown={STRINGS.body.proposalsShown(proposals.length)} label={STRINGS.body.moreProposals} askForMore={askForMore} />
    </>
  );
}
