import { Refusal, session } from './api/client';
import { UNSETTLED_PREFIX } from './first-precondition';
import type { Basis } from './pages/desk/command-form';

/**
 * A form's sending that got no answer, or none yet: the ledger may have recorded it. Kept in the
 * tab's session storage from the moment it is sent, not only in the form, so that a reload (even
 * before the answer came), or leaving the page and coming back, finds the form as it was (what is typed, its idempotency key, the notice saying so) and sending it again
 * still records it at most once. Without it the form came back empty under a new key, and the same
 * record typed again was recorded twice.
 */
export interface UnsettledSending {
  readonly values: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
  /** The refusal that left the outcome unknown (no answer, or the ledger failed), said again where the form is shown. */
  readonly notice: Refusal;
  /** What it was first sent on: sent again after a reload, it is the same command (same body, same `If-Match`), not one made from the page as it reads then. */
  readonly basis: Basis;
  /** The session it was sent under (`session.tag()`): signed out since, it is neither kept nor taken up, lest the next clerk send it under their key. */
  readonly session: string | null;
}

const PREFIX = `${UNSETTLED_PREFIX}:`;

/** Where the form's sending is kept: the form and what it records on (the meeting, the proposal). */
function itemOf(place: string): string {
  return `${PREFIX}${place}`;
}

export function keepUnsettled(place: string, sending: UnsettledSending): void {
  const { notice } = sending;
  // Its answer given up, or a failure, after the clerk who sent it signed out: nothing is kept for the next one.
  if (sending.session === null || sending.session !== session.tag()) return;
  const stored = { ...sending, notice: { status: notice.status, code: notice.code, detail: notice.detail, errors: notice.errors } };
  try {
    sessionStorage.setItem(itemOf(place), JSON.stringify(stored));
  } catch {
    // Storage full or refused: the form still holds the key for as long as it stays on the page.
  }
}

export function unsettledAt(place: string): UnsettledSending | undefined {
  const text = sessionStorage.getItem(itemOf(place));
  if (text === null) return undefined;
  try {
    const stored = JSON.parse(text) as { values: Record<string, string>; idempotencyKey: string; notice: Refusal; basis?: Basis; session?: string };
    if (stored.session === undefined || stored.session !== session.tag()) {
      settle(place);
      return undefined;
    }
    const { status, code, detail, errors } = stored.notice;
    return {
      values: stored.values,
      idempotencyKey: stored.idempotencyKey,
      notice: new Refusal(status, code, detail, errors),
      basis: stored.basis ?? {},
      session: stored.session,
    };
  } catch {
    return undefined;
  }
}

/** The ledger answered (recorded it, or said an earlier sending did): nothing is left to send again. */
export function settle(place: string): void {
  sessionStorage.removeItem(itemOf(place));
}
