import { EVENT_TYPES, isSlug } from '@concord/governance';

/** Which events a reader follows: some types, one body, or everything (both absent). */
export interface EventSelection {
  readonly types: ReadonlySet<string> | null;
  readonly bodyId: string | null;
}

export const EVERY_EVENT: EventSelection = { types: null, bodyId: null };

export function selects(selection: EventSelection, type: string, bodyId: string | undefined): boolean {
  return (selection.types === null || selection.types.has(type)) && (selection.bodyId === null || selection.bodyId === bodyId);
}

export interface SelectionProblem {
  readonly field: 'types' | 'bodyId';
  readonly messages: string[];
}

/**
 * Reads `types` (event type names, comma-separated or as a list) and `bodyId`. An unknown type is
 * refused rather than ignored: a typo would otherwise follow nothing, silently.
 */
export function readSelection(
  types: string | readonly string[] | undefined | null,
  bodyId: string | undefined | null,
): { selection: EventSelection; problems: SelectionProblem[] } {
  const problems: SelectionProblem[] = [];
  let typeSet: Set<string> | null = null;
  if (types !== undefined && types !== null) {
    const names = (typeof types === 'string' ? types.split(',') : [...types]).map((name) => name.trim()).filter((name) => name.length > 0);
    const unknown = names.filter((name) => !(EVENT_TYPES as readonly string[]).includes(name));
    if (names.length === 0) problems.push({ field: 'types', messages: ['must name at least one event type'] });
    if (unknown.length > 0) problems.push({ field: 'types', messages: [unknownTypesMessage(unknown)] });
    typeSet = new Set(names);
  }
  if (bodyId !== undefined && bodyId !== null && !isSlug(bodyId)) {
    problems.push({ field: 'bodyId', messages: ['must be a lowercase slug (a-z, 0-9, -)'] });
  }
  return { selection: { types: typeSet, bodyId: bodyId ?? null }, problems };
}

/** A type written as the envelope's `type` gives it, with its version: `org.concordledger.ObjectionRaised.v1`, `ObjectionRaised.v1`. */
const VERSIONED_TYPE = /^(?:org\.concordledger\.)?([A-Za-z]+)\.v[1-9][0-9]*$/;

/**
 * Names the unknown types, and where one is a known type written with its version, the name to
 * filter by instead: a filter names a type, and selects it at every version (each event is served
 * at its type's current version).
 */
function unknownTypesMessage(unknown: readonly string[]): string {
  const bare = unknown.map((name) => VERSIONED_TYPE.exec(name)?.[1]).filter((name): name is string => (EVENT_TYPES as readonly string[]).includes(name ?? ''));
  const hint = bare.length > 0 ? `; filter by the type's name without its version (${bare.join(', ')}): it selects every version of it` : '';
  return `names unknown event types: ${unknown.join(', ')}${hint}; known: ${EVENT_TYPES.join(', ')}`;
}

/** The selection as it is stored and shown: the list of types, or null for every type. */
export function describeSelection(selection: EventSelection): { types: string[] | null; bodyId: string | null } {
  return { types: selection.types === null ? null : [...selection.types].sort(), bodyId: selection.bodyId };
}
