import { answerSettles, forgetEveryUnsettled, forgetPrecondition, preconditionAsFirstSent, unsettledCount } from '../first-precondition';
import { draftCount, forgetEveryDraft } from '../drafts';
import { newIdempotencyKey } from '../idempotency-key';
import { STRINGS } from '../strings';
import type { components } from './schema';

export type Schemas = components['schemas'];

/** A refusal as the API answers it (RFC 9457 problem with a catalogued code). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly { field: string; messages: string[] }[] = [],
  ) {
    super(detail);
  }
}

const KEY_ITEM = 'concord-key';
/** Names the session begun by signing in: what is kept for a sending names it, and is not kept or taken up under another. */
const SESSION_ITEM = 'concord-session';

/** What a failed `fetch` becomes: no answer came, so whether a command was recorded is not known. */
export const NO_ANSWER = 'no-answer';

/** What a session ended by the ledger discarded: forms holding text typed, and sendings that may have been recorded. */
export interface Discarded {
  readonly drafts: number;
  readonly sendings: number;
}

const endedListeners = new Set<(discarded: Discarded) => void>();

/** The key lives in this tab's session storage only: never in a URL, gone when the tab closes. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY_ITEM),
  signIn: (key: string): void => {
    sessionStorage.setItem(KEY_ITEM, key);
    sessionStorage.setItem(SESSION_ITEM, newIdempotencyKey());
  },
  /**
   * The session signed in now, null once signed out: a sending begun under one session is not kept
   * after it ended (its answer given up, or a failure, after sign-out), nor taken up under the next.
   */
  tag: (): string | null => {
    if (session.key() === null) return null;
    const tag = sessionStorage.getItem(SESSION_ITEM);
    if (tag !== null) return tag;
    // Signed in before sessions were named: named now.
    const named = newIdempotencyKey();
    sessionStorage.setItem(SESSION_ITEM, named);
    return named;
  },
  signOut: (): void => {
    sessionStorage.removeItem(KEY_ITEM);
    sessionStorage.removeItem(SESSION_ITEM);
    forgetEveryUnsettled();
    forgetEveryDraft();
  },
  /** Calls `listener` each time the ledger stops accepting the key; returns what unsubscribes it. */
  onEnded: (listener: (discarded: Discarded) => void): (() => void) => {
    endedListeners.add(listener);
    return () => endedListeners.delete(listener);
  },
};

/**
 * A 401 to a request that carried the key means the key is no longer accepted (revoked, or the
 * ledger restarted with other keys): the tab signs out at once, rather than going on sending a
 * refused key, which would count against every client of its address as a guessing attempt.
 */
function keyRefused(response: Response, sentKey: string | null): void {
  // A late answer to a key signed out since must not end the session of the key that followed it.
  if (response.status !== 401 || sentKey === null || session.key() !== sentKey) return;
  // Discarded still (the next clerk must not send them under their key), but counted, so the clerk is told what to check.
  const discarded = { drafts: draftCount(), sendings: unsettledCount() };
  session.signOut();
  for (const listener of endedListeners) listener(discarded);
}

/** `fetch` with the session's key; a network failure becomes a `no-answer` refusal, a refused key ends the session. */
export async function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const key = session.key();
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...init.headers } });
  } catch (error) {
    throw new Refusal(0, NO_ANSWER, error instanceof Error ? error.message : String(error));
  }
  keyRefused(response, key);
  return response;
}

async function answerOf<T>(response: Response): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new Refusal(0, NO_ANSWER, error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return (text ? JSON.parse(text) : {}) as T;
  // A refusal from something in front of the ledger (a proxy's error page) may not be JSON.
  const problem = problemOf(text);
  throw new Refusal(response.status, problem.code ?? 'internal-error', problem.detail ?? response.statusText, problem.errors ?? []);
}

type Problem = { code?: string; detail?: string; errors?: { field: string; messages: string[] }[] };

function problemOf(text: string): Problem {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null ? (body as Problem) : {};
  } catch {
    return {};
  }
}

/** A GET of the API, typed by the answer it documents. */
export async function read<T>(path: string): Promise<T> {
  return answerOf<T>(await send(path));
}

/** A GET of a plain-text answer (a signed checkpoint, byte for byte). */
export async function readText(path: string): Promise<string> {
  const response = await send(path);
  if (response.ok) return response.text();
  return answerOf<never>(response);
}

/**
 * A command. `idempotencyKey` is made once per form submission, so a double click or a retry after
 * a lost answer records once; `ifMatch` refuses the command when the record moved on since the
 * form was begun (the first sending's, for a command sent again under its key).
 */
export async function record(path: string, body: object, options: { idempotencyKey: string; ifMatch?: number }): Promise<RecordAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': options.idempotencyKey };
  const ifMatch = preconditionAsFirstSent(options.idempotencyKey, options.ifMatch);
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  // A ledger that hangs would leave the form saying "Sending…" for ever: past the limit the request
  // is given up and taken for an answer lost (it may have been recorded), to be sent again under its key.
  const giveUp = new AbortController();
  const limit = setTimeout(() => giveUp.abort(new Error(STRINGS.errors.noAnswerInTime(COMMAND_TIME_LIMIT_MS / 1000))), COMMAND_TIME_LIMIT_MS);
  try {
    const response = await send(path, { method: 'POST', headers, body: JSON.stringify(body), signal: giveUp.signal });
    if (answerSettles(response.status)) forgetPrecondition(options.idempotencyKey);
    const answer = await answerOf<Schemas['CommandAnswer']>(response);
    return { ...answer, replayed: response.headers.get('idempotent-replayed') === 'true' };
  } finally {
    clearTimeout(limit);
  }
}

/** How long a command waits for its answer: far longer than the ledger takes, short enough that a clerk is not left guessing. */
export const COMMAND_TIME_LIMIT_MS = 30_000;

/** A command's answer, and whether it was an earlier sending's (the ledger replayed it: nothing recorded now). */
export type RecordAnswer = Schemas['CommandAnswer'] & { readonly replayed: boolean };
