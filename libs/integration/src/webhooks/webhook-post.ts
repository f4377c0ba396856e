import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertLiteralAllowed, guardedLookup } from './webhook-target';

export interface PostOutcome {
  /** The receiver's status, when it answered. */
  readonly status: number | null;
  readonly retryAfter: string | undefined;
  /** Why the attempt failed, for `lastError`; null on a 2xx. */
  readonly error: string | null;
}

export interface PostOptions {
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
}

export type WebhookPost = (url: string, body: string, headers: Readonly<Record<string, string>>, options: PostOptions) => Promise<PostOutcome>;

/** What is read of a receiver's answer before it is dropped: enough to quote an error. */
const ANSWER_KEPT_BYTES = 512;

/**
 * One delivery attempt: a POST that connects only to addresses the target rules allow (checked on
 * the very answer the connection uses), follows no redirect, and gives up after `timeoutMs`.
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
    const timer = setTimeout(() => outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ status: null, retryAfter: undefined, error: error.code !== undefined ? `${error.code}: ${error.message}` : error.message });
    });
    outgoing.on('response', (answer: IncomingMessage) => {
      let kept = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        if (kept.length < ANSWER_KEPT_BYTES) kept += chunk.slice(0, ANSWER_KEPT_BYTES - kept.length);
      });
      answer.on('error', () => undefined);
      answer.on('end', () => {
        clearTimeout(timer);
        const status = answer.statusCode ?? 0;
        const retryAfter = typeof answer.headers['retry-after'] === 'string' ? answer.headers['retry-after'] : undefined;
        const ok = status >= 200 && status < 300;
        resolve({ status, retryAfter, error: ok ? null : `HTTP ${status}${kept.trim() ? `: ${kept.trim().replace(/\s+/g, ' ')}` : ''}` });
      });
    });
    outgoing.end(body);
  });
