import { ReactNode, useEffect, useRef, useState } from 'react';
import { Discarded, session } from './api/client';
import { AuditPage } from './pages/audit';
import { BodiesPage } from './pages/bodies';
import { BodyPage } from './pages/body';
import { MeetingDesk } from './pages/meeting-desk';
import { ProposalPage } from './pages/proposal';
import { NotFoundPage } from './pages/not-found';
import { SignIn } from './pages/sign-in';
import { href, Route, useRoute } from './route';
import { STRINGS } from './strings';
import { TimeTravel, TimeTravelBanner } from './time-travel';
import { LiveContext, useLive } from './live';
import { pointOf, pointProblem, problemWith, TimePoint } from './time-point';
import { CallerContext, useSignedInCaller } from './caller';
import { draftCount } from './drafts';
import { unsettledCount } from './first-precondition';

export function App(): ReactNode {
  const [signedIn, setSignedIn] = useState(() => session.key() !== null);
  // Whether the ledger stopped accepting the key this tab signed in with (revoked, say), and what that discarded.
  const [keyEnded, setKeyEnded] = useState<Discarded | null>(null);
  const signedInNow = useRef(signedIn);
  signedInNow.current = signedIn;
  useEffect(
    () =>
      session.onEnded((discarded) => {
        if (!signedInNow.current) return;
        setKeyEnded(discarded);
        setSignedIn(false);
      }),
    [],
  );
  const route = useRoute();
  const point = pointOf(route.search);
  const addressProblem = pointProblem(route.search);
  // A past point does not change: only the ledger now is followed live.
  const live = useLive(signedIn && point === null);
  const caller = useSignedInCaller(signedIn);
  // A point the ledger cannot read is not asked for: the page says so alone, with a way back to now.
  const unreadablePoint = point === null ? null : problemWith(point.kind, point.value);
  const shown = unreadablePoint === null ? pageAt(route, point) : pointRefusedPage(route, unreadablePoint);
  // Tabs, history and screen readers tell pages apart by their titles.
  const title = signedIn ? shown.title : STRINGS.pageTitle.signIn;
  useEffect(() => {
    document.title = `${title} — ${STRINGS.product}`;
  }, [title]);
  // A new page takes the focus, as a page loaded anew would: a keyboard or screen-reader user is
  // not left on the link that led there, now gone (the first page, reached by signing in, excepted).
  const shownPage = `${route.path}?${route.search.toString()}`;
  const pageBefore = useRef(shownPage);
  useEffect(() => {
    if (pageBefore.current === shownPage) return;
    pageBefore.current = shownPage;
    const main = document.querySelector('main');
    if (!main) return;
    main.setAttribute('tabindex', '-1');
    main.focus();
  }, [shownPage]);
  if (!signedIn)
    return (
      <SignIn
        keyEnded={keyEnded}
        onSignedIn={() => {
          setKeyEnded(null);
          setSignedIn(true);
        }}
      />
    );
  return (
    <CallerContext.Provider value={caller}>
      <LiveContext.Provider value={live.generation}>
        <header>
          <nav aria-label="main">
            <a className="product" href={href('/', route.search)}>
              {STRINGS.product}
            </a>
            <a href={href('/', route.search)}>{STRINGS.nav.bodies}</a>
            <a href="#/audit">{STRINGS.nav.audit}</a>
            {caller.state === 'loaded' && (
              <span className="signed-in-as">{STRINGS.signIn.signedInAs(caller.answer.name ?? caller.answer.keyId, caller.answer.role)}</span>
            )}
            <button
              type="button"
              onClick={() => {
                // Signing out discards what the tab holds (lest the next clerk send it): the clerk is asked first.
                const drafts = draftCount();
                const sendings = unsettledCount();
                if ((drafts > 0 || sendings > 0) && !window.confirm(STRINGS.signIn.confirmSignOut(drafts, sendings))) return;
                session.signOut();
                setSignedIn(false);
              }}
            >
              {STRINGS.signIn.signOut}
            </button>
          </nav>
          <TimeTravel key={route.search.toString()} route={route} point={point} />
        </header>
        {live.lost && (
          <p className="stale-notice" role="status">
            {STRINGS.ledgerLost}
          </p>
        )}
        {addressProblem !== null && unreadablePoint === null && (
          <p className="refusal" role="alert">
            {addressProblem}
          </p>
        )}
        {point && !shown.ignoresPoint && <TimeTravelBanner route={route} point={point} />}
        {shown.page}
      </LiveContext.Provider>
    </CallerContext.Provider>
  );
}

/** What is shown instead of a page asked at a time-travel point the ledger cannot read. */
function pointRefusedPage(route: Route, problem: string): { page: ReactNode; title: string; ignoresPoint: true } {
  return {
    page: (
      <main>
        <h1>{STRINGS.timeTravel.pointRefusedTitle}</h1>
        <p role="alert">{problem}</p>
        <p>
          <a href={`#${route.path}`}>{STRINGS.timeTravel.pointRefusedBack}</a>
        </p>
      </main>
    ),
    title: STRINGS.timeTravel.pointRefusedTitle,
    ignoresPoint: true,
  };
}

/** The page at a route, its title, and whether it shows the ledger as it is whatever point is asked. */
function pageAt(route: Route, point: TimePoint | null): { page: ReactNode; title: string; ignoresPoint?: true } {
  const T = STRINGS.pageTitle;
  const [, section = '', id = '', ...rest] = route.path.replace(/\/+$/, '').split('/');
  const key = `${id}${route.search}`;
  if (rest.length > 0) return { page: <NotFoundPage path={route.path} search={route.search} />, title: T.notFound, ignoresPoint: true };
  if (section === '' || (section === 'bodies' && !id)) return { page: <BodiesPage point={point} search={route.search} />, title: T.bodies };
  if (section === 'bodies') return { page: <BodyPage key={key} bodyId={id} point={point} search={route.search} />, title: T.body(id) };
  if (section === 'proposals' && id) return { page: <ProposalPage key={key} proposalId={id} point={point} search={route.search} />, title: T.proposal(id) };
  // The audit page shows the latest checkpoint whatever point is asked: it says so itself.
  if (section === 'audit' && !id) return { page: <AuditPage pointAsked={point !== null} />, title: T.audit, ignoresPoint: true };
  if (section === 'meetings' && id) return { page: <MeetingDesk key={key} meetingId={id} point={point} search={route.search} />, title: T.meeting(id) };
  return { page: <NotFoundPage path={route.path} search={route.search} />, title: T.notFound, ignoresPoint: true };
}
