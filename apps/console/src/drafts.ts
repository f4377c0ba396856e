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

export function keepDraft(place: string, values: Readonly<Record<string, string>>): void {
  try {
    sessionStorage.setItem(itemOf(place), JSON.stringify(values));
  } catch {
    // Storage full or refused: the draft still stays in its form for as long as the page does.
  }
}

export function draftAt(place: string): Record<string, string> | undefined {
  const text = sessionStorage.getItem(itemOf(place));
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return undefined;
  }
}

export function forgetDraft(place: string): void {
  sessionStorage.removeItem(itemOf(place));
}

export function anyDraft(): boolean {
  for (let index = 0; index < sessionStorage.length; index += 1) {
    if (sessionStorage.key(index)?.startsWith(PREFIX)) return true;
  }
  return false;
}

export function forgetEveryDraft(): void {
  for (let index = sessionStorage.length - 1; index >= 0; index -= 1) {
    const item = sessionStorage.key(index);
    if (item?.startsWith(PREFIX)) sessionStorage.removeItem(item);
  }
}
