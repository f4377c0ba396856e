import type { ReactNode } from 'react';
import { NO_ANSWER, Refusal } from './api/client';
import { REFUSALS } from './refusals';
import { STRINGS } from './strings';
import { Loaded } from './use-answer';

function sentenceOf(refusal: Refusal, toCommand: boolean): string {
  if (refusal.code === NO_ANSWER) return toCommand ? STRINGS.errors.noAnswerToCommand : STRINGS.errors.noAnswer;
  return REFUSALS[refusal.code] ?? STRINGS.errors.unexpected;
}

/** A refusal in plain language, with the ledger's own words beneath. `toCommand`: the refusal answers a form sent. */
export function RefusalNotice({ refusal, toCommand = false }: { refusal: Refusal; toCommand?: boolean }): ReactNode {
  return (
    <div role="alert" className="refusal">
      <p className="refusal-sentence">{sentenceOf(refusal, toCommand)}</p>
      <p className="refusal-detail">{refusal.detail}</p>
      {refusal.errors.length > 0 && (
        <ul>
          {refusal.errors.map((error) => (
            <li key={error.field}>
              <strong>{error.field}</strong>: {error.messages.join('; ')}
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
  if (loaded.state === 'refused') return <RefusalNotice refusal={loaded.refusal} />;
  return children(loaded.answer);
}

/** Below a list read a page at a time: what is shown, and a button to read one page more, while there are more. */
export function MorePages({ more, shown, label, askForMore }: { more: boolean; shown: string; label: string; askForMore: () => void }): ReactNode {
  if (!more) return null;
  return (
    <p>
      <span className="muted">{shown}</span>{' '}
      <button type="button" onClick={askForMore}>
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
