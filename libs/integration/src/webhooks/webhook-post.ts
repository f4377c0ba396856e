import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { withUnprintableReplaced } from '@concord/governance';
import { assertLiteralAllowed, guardedLookup } from './webhook-target';

export interface PostOutcome {
  /** The receiver's status, when it answered. */
  readonly status: number | null;
  readonly retryAfter: string | undefined;
  /** Why the attempt failed, for `lastError`; null on a 2xx. */
  readonly error: string | null;
  /** Cut short by `PostOptions.cancel` (the ledger stopping): no attempt to count, the event is sent again later. */
  readonly cancelled?: true;
}

export interface PostOptions {
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  readonly cancel?: AbortSignal;
}

export type WebhookPost = (url: string, body: string, headers: Readonly<Record<string, string>>, options: PostOptions) => Promise<PostOutcome>;

/** What is read of a receiver's failing answer before it is dropped: enough to quote an error. */
const ANSWER_KEPT_CHARACTERS = 512;

/**
 * Text from outside (a receiver's answer, a TLS error naming its certificate) on one line, without
 * what `lastError` and the logs must not carry: control characters, bidi overrides that reorder an
 * operator's screen, and halves of characters (a quote is cut at a count of UTF-16 units).
 */
function safeLine(text: string): string {
  return withUnprintableReplaced(text.replace(/\s+/g, ' ').trim());
}

/** The receiver's answer as `lastError` quotes it. */
export function quotedAnswer(status: number, text: string): string {
  const line = safeLine(text);
  return `HTTP ${status}${line === '' ? '' : `: ${line}`}`;
}

/**
 * One delivery attempt: a POST that connects only to addresses the target rules allow (checked on
 * the very answer the connection uses), follows no redirect, and gives up after `timeoutMs`. A 2xx
 * status is the receiver's acknowledgement, taken when it arrives: the body after it is drained,
 * not waited for, so a receiver that never ends it is not counted as silent. Of any other answer
 * the start of the body is quoted, as far as it came within the time.
 */
export const postWebhook: WebhookPost = (url, body, headers, options) =>
  new Promise((resolve) => {
    const target = new URL(url);
    try {
      assertLiteralAllowed(target, options.allowPrivate);
    } catch (error) {
      resolve({ status: null, retryAfter: undefined, error: (error as Error).message });
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      lookup: guardedLookup(options.allowPrivate),
      timeout: options.timeoutMs,
    });
    // Set once the status line has come: what the attempt ends as if the body stops or runs late.
    let answered: (() => void) | undefined;
    const giveUp = (): void => {
      answered?.();
      outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    };
    const timer = setTimeout(giveUp, options.timeoutMs);
    const cancel = (): void => {
      resolve({ status: null, retryAfter: undefined, error: 'cancelled: the ledger is stopping', cancelled: true });
      outgoing.destroy();
    };
    if (options.cancel?.aborted) cancel();
    options.cancel?.addEventListener('abort', cancel, { once: true });
    // Whatever closed the connection, the attempt ends: with the answer had so far, or as none came.
    outgoing.on('close', () => {
      clearTimeout(timer);
      options.cancel?.removeEventListener('abort', cancel);
      if (answered) answered();
      else resolve({ status: null, retryAfter: undefined, error: 'the connection closed without an answer' });
    });
    outgoing.on('timeout', giveUp);
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) answered();
      else resolve({ status: null, retryAfter: undefined, error: safeLine(error.code !== undefined ? `${error.code}: ${error.message}` : error.message) });
    });
    outgoing.on('response', (answer: IncomingMessage) => {
      const status = answer.statusCode ?? 0;
      const retryAfter = typeof answer.headers['retry-after'] === 'string' ? answer.headers['retry-after'] : undefined;
      answer.on('error', () => undefined);
      if (status >= 200 && status < 300) {
        answered = () => undefined;
        answer.resume();
        resolve({ status, retryAfter, error: null });
        return;
      }
      let kept = '';
      answered = () => resolve({ status, retryAfter, error: quotedAnswer(status, kept) });
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        kept += chunk.slice(0, ANSWER_KEPT_CHARACTERS - kept.length);
        if (kept.length < ANSWER_KEPT_CHARACTERS) return;
        answered?.();
        outgoing.destroy();
      });
      answer.on('end', () => answered?.());
    });
    outgoing.end(body);
  });
