import { ReactNode, useEffect, useRef, useState } from 'react';
import { session } from './api/client';
import { AuditPage } from './pages/audit';
import { BodiesPage } from './pages/bodies';
import { BodyPage } from './pages/body';
import { MeetingDesk } from './pages/meeting-desk';
import { ProposalPage } from './pages/proposal';
import { SignIn } from './pages/sign-in';
import { href, useRoute } from './route';
import { STRINGS } from './strings';
import { TimeTravel, TimeTravelBanner } from './time-travel';
import { LiveContext, useLiveGeneration } from './live';
import { pointOf } from './time-point';

export function App(): ReactNode {
  const [signedIn, setSignedIn] = useState(() => session.key() !== null);
  // Whether the ledger stopped accepting the key this tab signed in with (revoked, say).
  const [keyEnded, setKeyEnded] = useState(false);
  const signedInNow = useRef(signedIn);
  signedInNow.current = signedIn;
  useEffect(
    () =>
      session.onEnded(() => {
        if (!signedInNow.current) return;
        setKeyEnded(true);
        setSignedIn(false);
      }),
    [],
  );
  const route = useRoute();
  const point = pointOf(route.search);
  // A past point does not change: only the ledger now is followed live.
  const live = useLiveGeneration(signedIn && point === null);
  const [, section, id = ''] = route.path.split('/');
  // Tabs, history and screen readers tell pages apart by their titles.
  const title = signedIn ? pageTitleOf(section, id) : STRINGS.pageTitle.signIn;
  useEffect(() => {
    document.title = `${title} — ${STRINGS.product}`;
  }, [title]);
  if (!signedIn)
    return (
      <SignIn
        keyEnded={keyEnded}
        onSignedIn={() => {
          setKeyEnded(false);
          setSignedIn(true);
        }}
      />
    );
  const page =
    section === 'bodies' && id ? (
      <BodyPage key={`${id}${route.search}`} bodyId={id} point={point} search={route.search} />
    ) : section === 'proposals' && id ? (
      <ProposalPage key={`${id}${route.search}`} proposalId={id} point={point} search={route.search} />
    ) : section === 'audit' ? (
      <AuditPage pointAsked={point !== null} />
    ) : section === 'meetings' && id ? (
      <MeetingDesk key={`${id}${route.search}`} meetingId={id} point={point} search={route.search} />
    ) : (
      <BodiesPage point={point} search={route.search} />
    );
  return (
    <LiveContext.Provider value={live}>
      <header>
        <nav aria-label="main">
          <a className="product" href={href('/', route.search)}>
            {STRINGS.product}
          </a>
          <a href={href('/', route.search)}>{STRINGS.nav.bodies}</a>
          <a href="#/audit">{STRINGS.nav.audit}</a>
          <button
            type="button"
            onClick={() => {
              session.signOut();
              setSignedIn(false);
            }}
          >
            {STRINGS.signIn.signOut}
          </button>
        </nav>
        <TimeTravel key={route.search.toString()} route={route} point={point} />
      </header>
      {/* The audit page shows the latest checkpoint whatever point is asked: it says so itself. */}
      {point && section !== 'audit' && <TimeTravelBanner route={route} point={point} />}
      {page}
    </LiveContext.Provider>
  );
}

/** The title of the page at a route, as the page chosen below is. */
function pageTitleOf(section: string | undefined, id: string): string {
  const T = STRINGS.pageTitle;
  if (section === 'bodies' && id) return T.body(id);
  if (section === 'proposals' && id) return T.proposal(id);
  if (section === 'audit') return T.audit;
  if (section === 'meetings' && id) return T.meeting(id);
  return T.bodies;
}
