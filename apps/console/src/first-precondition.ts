import { storedItemsStartingWith } from './stored-items';
/** Every item this tab keeps about sendings whose answer was lost begins so; signing out removes them all. */
export const UNSETTLED_PREFIX = 'concord-unsettled';

const PRECONDITION_PREFIX = `${UNSETTLED_PREFIX}-if-match:`;

/**
 * The `If-Match` a command is sent with under `idempotencyKey`: the one it was first sent with,
 * kept in the tab's session storage until an answer settles it. Sent again after a lost answer,
 * from a page read anew since (a reload), the command must still be refused if its record moved on
 * after the clerk began it, not sent over what the clerk never saw. `undefined` sends none.
 */
export function preconditionAsFirstSent(idempotencyKey: string, ifMatch: number | undefined): number | undefined {
  const item = `${PRECONDITION_PREFIX}${idempotencyKey}`;
  const kept = sessionStorage.getItem(item);
  if (kept !== null) return kept === '' ? undefined : Number(kept);
  try {
    sessionStorage.setItem(item, ifMatch === undefined ? '' : String(ifMatch));
  } catch {
    // Storage full or refused: the page still sends as it was begun for as long as it stays.
  }
  return ifMatch;
}

/** The command sent under `idempotencyKey` is settled: a later command under a new key has its own precondition. */
export function forgetPrecondition(idempotencyKey: string): void {
  sessionStorage.removeItem(`${PRECONDITION_PREFIX}${idempotencyKey}`);
}

/**
 * Whether an answer of this status settles what became of a command: recorded (2xx), or refused
 * by the ledger's rules or preconditions (404, 409, 412, 422), which it checks only after finding
 * that no earlier sending under the same key was recorded. Any other answer (a request refused
 * before that: 400, 401, 403, 413, 429; or none, or a failure of the ledger) leaves it unknown.
 */
export function answerSettles(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404 || status === 409 || status === 412 || status === 422;
}

/** How many sendings this tab keeps unsettled (each may have been recorded), not counting their preconditions. */
export function unsettledCount(): number {
  return storedItemsStartingWith(`${UNSETTLED_PREFIX}:`).length;
}

/** Forgets every sending this tab kept: what one clerk sent is not sent again under the next clerk's key. */
export function forgetEveryUnsettled(): void {
  for (const item of storedItemsStartingWith(UNSETTLED_PREFIX)) sessionStorage.removeItem(item);
}
