import { ReadSideComparison } from './read-side-check';
import { Report } from './status-command';

const REPAIR =
  'The stored rows are derived from the log, which `concord verify` proves: to fold them again, stop every API instance, run `concord verify-read-side --rebuild`, and start them.';

/** `concord verify-read-side`: whether the stored read side answers as the log does, and where it does not. */
export function readSideReport(comparison: ReadSideComparison & { readonly rowsForgotten?: string }, rebuilt: boolean): Report {
  const { position, bodies, proposals, meetings, answers, differing, shown, rowsForgotten } = comparison;
  const agrees = differing === 0 && rowsForgotten === undefined;
  const scope = `${count(bodies, 'body', 'bodies')}, ${count(proposals, 'proposal', 'proposals')}, ${count(meetings, 'meeting', 'meetings')}; ${count(answers, 'answer', 'answers')} compared in recorded and world time`;
  const lines = [
    ...(rebuilt ? [position === 0 ? 'Folded the read side again: the log is empty.' : `Folded the read side again from position 1 to ${position}.`] : []),
    ...(rowsForgotten === undefined
      ? []
      : [`The stored read side was not this log's, so it was folded again from position 1 before the comparison: ${rowsForgotten}`]),
    differing === 0
      ? `The read side agrees with a fold of the log at position ${position}: ${scope}.`
      : `The read side differs from a fold of the log at position ${position} in ${count(differing, 'answer', 'answers')} (${scope}):`,
    ...shown.map(
      (difference) =>
        `  ${difference.answer}: at ${difference.path} the read side says ${shownValue(difference.stored)}, the log ${shownValue(difference.folded)}`,
    ),
    ...(differing > shown.length ? [`  … and ${differing - shown.length} more`] : []),
    ...(differing === 0 ? [] : ['', REPAIR]),
  ];
  return {
    json: { position, rebuilt, agrees, rowsForgotten: rowsForgotten ?? null, bodies, proposals, meetings, answers, differing, differences: shown },
    text: lines.join('\n'),
  };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A value as JSON, cut short: a difference is located by its path, not read in full here. */
function shownValue(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
