import { storedItemsStartingWith } from './stored-items';
import type { Basis } from './pages/desk/command-form';

/**
 * What a clerk typed in a form and has not sent: kept in the tab's session storage by page and
 * form, so that leaving the page inside the console (a proposal's link, time travel) and coming
 * back with Back finds it as it was, not empty. Forgotten once recorded, once the clerk discards
 * it, and on sign-out: the next clerk on the tab does not find another's draft.
 */
const PREFIX = 'concord-draft:';

function itemOf(place: string): string {
  return `${PREFIX}${place}`;
}

/**
 * What is typed, and what the form was begun on (`Basis`): taken up again, it is sent on that, and
 * said to be stale if the page reads differently now, not sent over what the clerk never saw.
 */
export interface Draft {
  readonly values: Readonly<Record<string, string>>;
  readonly basis: Basis;
}

export function keepDraft(place: string, draft: Draft): void {
  try {
    sessionStorage.setItem(itemOf(place), JSON.stringify(draft));
  } catch {
    // Storage full or refused: the draft still stays in its form for as long as the page does.
  }
}

export function draftAt(place: string): { values: Record<string, string>; basis: Basis } | undefined {
  const text = sessionStorage.getItem(itemOf(place));
  if (text === null) return undefined;
  try {
    const draft = JSON.parse(text) as { values?: Record<string, string>; basis?: Basis };
    // One kept without what it was begun on cannot be told stale: not taken up.
    return draft.values === undefined || draft.basis === undefined ? undefined : { values: draft.values, basis: draft.basis };
  } catch {
    return undefined;
  }
}

export function forgetDraft(place: string): void {
  sessionStorage.removeItem(itemOf(place));
}

/** How many forms hold text typed and not sent. */
export function draftCount(): number {
  return storedItemsStartingWith(PREFIX).length;
}

export function forgetEveryDraft(): void {
  for (const item of storedItemsStartingWith(PREFIX)) sessionStorage.removeItem(item);
}
