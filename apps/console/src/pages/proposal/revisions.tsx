import { ReactNode } from 'react';
import { Schemas } from '../../api/client';
import { STRINGS } from '../../strings';
import { wordDiff } from '../../word-diff';

type Entry = Schemas['ProposalHistoryAnswer']['entries'][number];

interface Revision {
  readonly revision: number;
  readonly text: string;
  readonly occurredAt: string;
}

/** Each text the proposal had, from its tabling on: the corrected data where a correction applies. */
export function revisionsOf(entries: readonly Entry[]): Revision[] {
  return entries.flatMap((entry): Revision[] => {
    const data = (entry.correctedData ?? entry.data) as { text?: unknown; revision?: unknown };
    if (typeof data.text !== 'string') return [];
    if (entry.type === 'ProposalTabled' || entry.type === 'DefinitionAmendmentProposed')
      return [{ revision: 1, text: data.text, occurredAt: entry.occurredAt }];
    if (entry.type === 'ProposalRevised' && typeof data.revision === 'number')
      return [{ revision: data.revision, text: data.text, occurredAt: entry.occurredAt }];
    return [];
  });
}

function Diff({ before, after }: { before: string; after: string }): ReactNode {
  const parts = wordDiff(before, after);
  if (parts === null)
    return (
      <>
        <p className="muted">{STRINGS.proposal.tooLongToCompare}</p>
        <blockquote dir="auto">{after}</blockquote>
      </>
    );
  return (
    <blockquote className="diff" dir="auto">
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">{STRINGS.proposal.added}</span>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index}>
            <span className="visually-hidden">{STRINGS.proposal.removed}</span>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </blockquote>
  );
}

/** The revisions, newest first, each shown as what changed from the one before. */
export function Revisions({ entries }: { entries: readonly Entry[] }): ReactNode {
  const revisions = revisionsOf(entries);
  if (revisions.length < 2) return null;
  return (
    <section aria-labelledby="revisions">
      <h2 id="revisions">{STRINGS.proposal.revisions}</h2>
      <ol reversed className="revisions">
        {revisions
          .map((revision, index) => ({ revision, before: revisions[index - 1] }))
          .reverse()
          .map(({ revision, before }) => (
            <li key={revision.revision}>
              <h3>{STRINGS.proposal.revision(revision.revision, revision.occurredAt.slice(0, 10))}</h3>
              {before ? <Diff before={before.text} after={revision.text} /> : <blockquote dir="auto">{revision.text}</blockquote>}
            </li>
          ))}
      </ol>
    </section>
  );
}
