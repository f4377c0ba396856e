import { ReactNode, useEffect, useRef } from 'react';
import { NO_ANSWER, Refusal } from './api/client';
import { REFUSALS } from './refusals';
import { STRINGS } from './strings';
import { Loaded } from './use-answer';

function sentenceOf(refusal: Refusal, toCommand: boolean, fromAddress: boolean): string {
  if (refusal.code === NO_ANSWER) return toCommand ? STRINGS.errors.noAnswerToCommand : STRINGS.errors.noAnswer;
  // A page's read refused so was asked by the page's address (an id typed into it), not by fields of a form.
  if (refusal.code === 'validation-failed' && fromAddress) return STRINGS.errors.addressRefused;
  const sentence = REFUSALS[refusal.code] ?? STRINGS.errors.unexpected;
  // The ledger failed after the form reached it: it may have been recorded, and sending it again is safe.
  return toCommand && refusal.status >= 500 ? `${sentence} ${STRINGS.errors.sendAgainSafely}` : sentence;
}

/** A field's rule as the ledger words it, in a clerk's words where the ledger's are a pattern. */
function plainMessage(field: string, message: string): string {
  const own = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  return own.includes('lowercase slug') ? STRINGS.errors.slug : own;
}

/**
 * A refusal in plain language, with the ledger's own words beneath: each field that failed, named
 * by its label on the form where `labelOf` knows it (the ledger names fields as its API does), or
 * else the ledger's detail. `toCommand`: the refusal answers a form sent; `fromAddress`: a read the
 * page's address asked for.
 */
export function RefusalNotice({
  refusal,
  toCommand = false,
  fromAddress = false,
  labelOf = () => undefined,
}: {
  refusal: Refusal;
  toCommand?: boolean;
  fromAddress?: boolean;
  labelOf?: (field: string) => string | undefined;
}): ReactNode {
  return (
    <div role="alert" className="refusal">
      <p className="refusal-sentence">{sentenceOf(refusal, toCommand, fromAddress)}</p>
      {refusal.errors.length === 0 ? (
        <p className="refusal-detail">{refusal.detail}</p>
      ) : (
        <ul>
          {refusal.errors.map((error) => (
            <li key={error.field}>
              <strong>{labelOf(error.field) ?? error.field}</strong>: {error.messages.map((message) => plainMessage(error.field, message)).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Shows what is loaded, a refusal, or that it is loading. */
export function Answer<T>({ loaded, children }: { loaded: Loaded<T>; children: (answer: T) => ReactNode }): ReactNode {
  if (loaded.state === 'loading') return <p aria-busy="true">{STRINGS.loading}</p>;
  if (loaded.state === 'refused') return <RefusalNotice refusal={loaded.refusal} fromAddress />;
  // One shape with or without the notice: the page below it, and what is typed in its forms, stays mounted.
  return (
    <>
      {loaded.rereadRefused !== undefined && (
        <div className="stale-notice" role="status">
          <p>{STRINGS.rereadRefused}</p>
          <RefusalNotice refusal={loaded.rereadRefused} />
        </div>
      )}
      {children(loaded.answer)}
    </>
  );
}

/** Below a list read a page at a time: what is shown, and a button to read one page more, while there are more. */
export function MorePages({ more, shown, label, askForMore }: { more: boolean; shown: string; label: string; askForMore: () => void }): ReactNode {
  // Once the last page is read the button goes: a keyboard user who asked for it is told so where it
  // was, rather than left at the top of the page (focus on nothing).
  const asked = useRef(false);
  const wantsFocus = useRef(false);
  const allShown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // Once, and only if the focus was lost with the button: one that moved on (into a form) stays there.
    if (more || !wantsFocus.current) return;
    wantsFocus.current = false;
    if (document.activeElement === null || document.activeElement === document.body) allShown.current?.focus();
  }, [more]);
  if (!more)
    return asked.current ? (
      <p ref={allShown} tabIndex={-1} className="muted">
        {STRINGS.allShown}
      </p>
    ) : null;
  return (
    <p>
      <span className="muted">{shown}</span>{' '}
      <button
        type="button"
        onClick={() => {
          asked.current = true;
          wantsFocus.current = true;
          askForMore();
        }}
      >
        {label}
      </button>
    </p>
  );
}

/** Whether a proposal can reach consensus, or who blocks it, by name. */
export function ConsensusIndicator({
  proposal,
  nameOf,
}: {
  proposal: { status: string; consensusPossible: boolean; blockingParticipants: readonly string[] };
  nameOf: (id: string) => string;
}): ReactNode {
  if (proposal.status !== 'open') return <span className="badge decided">{STRINGS.consensus.decided(proposal.status)}</span>;
  if (proposal.consensusPossible) return <span className="badge possible">{STRINGS.consensus.possible}</span>;
  return <span className="badge blocked">{STRINGS.consensus.blockedBy(proposal.blockingParticipants.map(nameOf).join(', '))}</span>;
}
