import { hasUnpairedSurrogate, TEXT_LIMITS, unprintableProblem } from '@concord/governance';
import { EventRecord, eventShapeProblem } from '@concord/governance/schemas';

/** `eventShapeProblem`, and text the API would have refused: what `import` refuses in a line. */
export function eventRecordProblem(record: EventRecord): string | undefined {
  return eventShapeProblem(record) ?? textProblem('data', record.data) ?? textProblem('metadata', record.metadata);
}

const TEXT_FIELDS: ReadonlySet<string> = new Set(Object.keys(TEXT_LIMITS));

/**
 * What the API refuses in text, refused here too: control characters, bidirectional overrides and
 * unpaired surrogates in names and free text (by the field's name, the same rule a command's and a
 * correction's fields meet), and an unpaired surrogate in any string, which no JSON text the ledger
 * hashes can hold.
 */
function textProblem(path: string, value: unknown): string | undefined {
  if (typeof value === 'string') {
    const field = path.slice(path.lastIndexOf('.') + 1);
    const problem = TEXT_FIELDS.has(field) ? unprintableProblem(field, value) : hasUnpairedSurrogate(value) ? 'must not hold an unpaired surrogate' : undefined;
    return problem === undefined ? undefined : `${path} ${problem}`;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const problem = textProblem(Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, inner);
    if (problem) return problem;
  }
  return undefined;
}
