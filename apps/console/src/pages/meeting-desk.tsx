import { useLocalToday } from '../use-today';
import { ReactNode, useMemo } from 'react';
import { Schemas } from '../api/client';
import { Answer, MorePages } from '../components';
import { href } from '../route';
import { STRINGS } from '../strings';
import { queryOf, TimePoint } from '../time-point';
import { MAX_PAGE, readEveryPage, readPages, useAnswer, usePagesAsked } from '../use-answer';
import { namesOf } from './body';
import { CommandForm } from './desk/command-form';
import { deskForms } from './desk/desk-forms';
import { useMayRecord } from '../caller';
import { RecordingOff } from '../recording-off';
import { utcMomentOf } from '../utc-moment';

function Communique({ communique }: { communique: Schemas['MeetingAnswer']['communique'] }): ReactNode {
  if (communique === null) return null;
  return (
    <section aria-labelledby="communique">
      <h2 id="communique">{communique.adopted ? STRINGS.desk.communiqueAdopted : STRINGS.desk.communiqueNotAdoptedHeading}</h2>
      {communique.adopted ? (
        <blockquote dir="auto">{communique.text}</blockquote>
      ) : (
        <p className="kept-lines">{STRINGS.desk.communiqueNotAdopted(communique.reason)}</p>
      )}
    </section>
  );
}

function closedNote(closedAt: string): string {
  const { day, time } = utcMomentOf(closedAt);
  return time === null ? STRINGS.desk.closedOn(day) : STRINGS.desk.closedAt(day, time);
}

/**
 * A proposal's status as the meeting lists it, or, for one still open but deferred to another
 * meeting, that meeting: "open" alone read as though it were still before this one. The meeting's
 * answer does not say where a proposal went, so it is taken from the body's open proposals.
 */
function StatusHere({
  proposal,
  meetingId,
  open,
  meetings,
  search,
}: {
  proposal: Schemas['MeetingProposalView'];
  meetingId: string;
  open: readonly Schemas['ProposalView'][] | null;
  meetings: readonly Schemas['MeetingSummaryView'][] | null;
  search: URLSearchParams;
}): ReactNode {
  const deferredTo = proposal.status === 'open' ? open?.find((p) => p.proposalId === proposal.proposalId)?.deferredTo : null;
  if (!deferredTo || deferredTo === meetingId) return STRINGS.body.status[proposal.status].toLowerCase();
  const target = meetings?.find((m) => m.meetingId === deferredTo);
  return (
    <>
      {STRINGS.desk.deferredElsewhere}{' '}
      <a href={href(`/meetings/${deferredTo}`, search)}>
        <bdi>{target ? `${target.location}, ${target.opensOn}` : deferredTo}</bdi>
      </a>
    </>
  );
}

type StatementsPage = Schemas['MeetingStatementsAnswer'];

/** The meeting's statements in the order recorded, as many pages as were read, and a button to read one more while there are. */
function Statements({ listed, askForMore, nameOf }: { listed: StatementsPage; askForMore: () => void; nameOf: (id: string) => string }): ReactNode {
  const { statements, nextCursor } = listed;
  return (
    <>
      <ol>
        {statements.map((s) => (
          <li key={s.eventId}>
            <strong>
              <bdi>{nameOf(s.speakerId)}</bdi>
            </strong>
            : <bdi className="kept-lines">{s.summary}</bdi>
          </li>
        ))}
      </ol>
      <MorePages
        more={nextCursor !== null}
        shown={STRINGS.desk.statementsShown(statements.length)}
        label={STRINGS.desk.moreStatements}
        askForMore={askForMore}
      />
    </>
  );
}

/** The desk offers every open proposal of the body in its forms, however many pages they take. */
const readEveryOpenProposal = readEveryPage<Schemas['BodyProposalsAnswer'], 'proposals'>('proposals');

export function MeetingDesk({ meetingId, point, search }: { meetingId: string; point: TimePoint | null; search: URLSearchParams }): ReactNode {
  const [meeting, reloadMeeting] = useAnswer<Schemas['MeetingAnswer']>(`/v1/meetings/${meetingId}${queryOf(point)}`);
  const today = useLocalToday();
  const bodyId = meeting.state === 'loaded' ? meeting.answer.bodyId : null;
  const [body] = useAnswer<Schemas['BodyAnswer']>(bodyId === null ? null : `/v1/bodies/${bodyId}${queryOf(point)}`);
  const [proposals, reloadProposals] = useAnswer(
    bodyId === null ? null : `/v1/bodies/${bodyId}/proposals${queryOf(point, { status: 'open', limit: String(MAX_PAGE) })}`,
    readEveryOpenProposal,
  );
  const [chairs] = useAnswer<Schemas['BodyChairsAnswer']>(bodyId === null ? null : `/v1/bodies/${bodyId}/chairs${queryOf(point)}`);
  const [meetings] = useAnswer<Schemas['BodyMeetingsAnswer']>(
    bodyId === null ? null : `/v1/bodies/${bodyId}/meetings${queryOf(point, { limit: String(MAX_PAGE) })}`,
  );
  // A meeting may hear thousands of statements: they are read a page at a time, as many pages as asked for.
  const [pagesWanted, askForMore] = usePagesAsked(`${meetingId}${queryOf(point)}`);
  const readStatements = useMemo(() => readPages<StatementsPage, 'statements'>('statements', pagesWanted), [pagesWanted]);
  const [statements, reloadStatements] = useAnswer<StatementsPage>(
    `/v1/meetings/${meetingId}/statements${queryOf(point, { limit: String(MAX_PAGE) })}`,
    readStatements,
  );
  const readOnly = point !== null;
  const mayRecord = useMayRecord();
  const reload = (): void => {
    reloadMeeting();
    reloadStatements();
    reloadProposals();
  };
  return (
    <main>
      <Answer loaded={meeting}>
        {(answer) => {
          const loadedBody = body.state === 'loaded' ? body.answer : null;
          const nameOf = loadedBody ? namesOf(loadedBody) : (id: string) => id;
          const openProposals = proposals.state === 'loaded' ? proposals.answer.proposals : null;
          const meetingsListed = meetings.state === 'loaded' ? meetings.answer.meetings : null;
          const forms = deskForms({
            meeting: answer,
            body: loadedBody,
            open: openProposals,
            meetings: meetingsListed,
            chairs: chairs.state === 'loaded' ? chairs.answer.chairs : [],
            today,
          });
          return (
            <>
              <p>
                <a href={href(`/bodies/${answer.bodyId}`, search)}>← {loadedBody?.name ?? answer.bodyId}</a>
              </p>
              <h1>
                {STRINGS.desk.titleLead} <bdi>{answer.location}</bdi>, {answer.opensOn}
              </h1>
              {answer.closedAt !== null && <p className="muted">{closedNote(answer.closedAt)}</p>}
              <section aria-labelledby="at-meeting">
                <h2 id="at-meeting">{STRINGS.desk.proposals}</h2>
                <ul>
                  {answer.proposals.map((p) => (
                    <li key={p.proposalId}>
                      <a href={href(`/proposals/${p.proposalId}`, search)}>
                        <bdi>{p.title}</bdi>
                      </a>{' '}
                      <span className="muted">
                        (<StatusHere proposal={p} meetingId={meetingId} open={openProposals} meetings={meetingsListed} search={search} />)
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="statements">
                <h2 id="statements">{STRINGS.desk.statements}</h2>
                <Answer loaded={statements}>{(listed) => <Statements listed={listed} askForMore={askForMore} nameOf={nameOf} />}</Answer>
              </section>
              <Communique communique={answer.communique} />
              {!readOnly && <RecordingOff />}
              {/* Under time travel a clerk sees the forms, off; a key that may not record never sees them. */}
              {mayRecord && (
                <section className="columns forms">
                  {/* A meeting has one communiqué: once recorded, its form is not offered again, but one begun keeps what was typed. */}
                  {forms.map((spec) => (
                    // Not mounted again once the body is read: that would empty what the clerk typed meanwhile.
                    // A default taken from the body (the Chair) fills a form still untouched (CommandForm).
                    <CommandForm
                      key={spec.id}
                      spec={spec}
                      disabled={readOnly}
                      closed={
                        spec.id === 'communique' && answer.communique !== null
                          ? STRINGS.desk.communiqueRecordedMeanwhile
                          : spec.id === 'closure' && answer.closedAt !== null
                            ? STRINGS.desk.closedMeanwhile
                            : undefined
                      }
                      reread={reload}
                    />
                  ))}
                </section>
              )}
            </>
          );
        }}
      </Answer>
    </main>
  );
}
