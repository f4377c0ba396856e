/** The longest wait between two attempts, whatever the backoff or `Retry-After` says. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * Exponential backoff with full jitter: a uniformly random wait between 0 and
 * `base * 2^(failures-1)`, capped at an hour, so that many failing webhooks do not retry in step.
 * `random` is injected so tests can pin it.
 */
export function backoffDelayMs(consecutiveFailures: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Every form of RFC 9110's HTTP-date begins with the day of the week. `Date.parse` alone would also
 * read "-10" or "2026" as dates, and a receiver's malformed header as "retry now".
 */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*, /i;

/**
 * A receiver's `Retry-After` (RFC 9110: delay-seconds or an HTTP-date), as a wait from `now`, or
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(MAX_RETRY_DELAY_MS, Number(trimmed) * 1000);
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(0, at - now.getTime()));
}

/**
 * The wait before the next attempt: the backoff, or the receiver's `Retry-After` when that is
 * longer. Never sooner than the receiver asked; never at once because it asked (`Retry-After: 0`
 * at every answer would otherwise spend every attempt in a moment).
 */
export function nextRetryDelayMs(consecutiveFailures: number, baseMs: number, retryAfter: number | undefined, random?: () => number): number {
  return Math.max(retryAfter ?? 0, backoffDelayMs(consecutiveFailures, baseMs, random));
}
