import { isUtf8 } from 'node:buffer';
import { ApiProblem } from './api-problem';
import { parseBoundedJson } from './bounded-json';

/** One parameter of a media type: `; name=value` or `; name="quoted value"` (RFC 9110 §5.6.6). */
const PARAMETER = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/gy;
/** UTF-8, and ASCII, every byte of which is UTF-8 too. */
const READABLE_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/** The `charset` a Content-Type declares, if any, as sent; a quoted parameter's text is not mistaken for one. */
export function charsetOf(contentType: string): string | undefined {
  const start = contentType.indexOf(';');
  if (start === -1) return undefined;
  PARAMETER.lastIndex = start;
  for (let match = PARAMETER.exec(contentType); match !== null; match = PARAMETER.exec(contentType)) {
    if (match[1]?.toLowerCase() === 'charset') return (match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? '').trim();
    // The sticky expression stops at what is not a parameter; white space before the next is skipped.
    while (contentType[PARAMETER.lastIndex] === ' ' || contentType[PARAMETER.lastIndex] === '\t') PARAMETER.lastIndex += 1;
  }
  return undefined;
}

/** Whether a body declared in this charset is read: none declared, UTF-8 or ASCII. */
export function readableCharset(contentType: string | undefined): boolean {
  const charset = charsetOf(contentType ?? '');
  return charset === undefined || READABLE_CHARSETS.has(charset.toLowerCase());
}

/**
 * A request body as the ledger reads it: JSON in UTF-8 and nothing else. Bytes that are not UTF-8
 * would otherwise be decoded into replacement characters and recorded as text nobody sent, and a
 * body declared in another charset would be read as if it were UTF-8.
 */
export function readJsonBody(bytes: Buffer, contentType: string | undefined): unknown {
  // No bytes is no body, whatever type it is declared with: as a request without one (a route whose body is optional takes it).
  if (bytes.length === 0) return undefined;
  // The 415's detail is written where every 415 is (problem.filter.ts), from the Content-Type sent.
  if (!readableCharset(contentType)) throw new ApiProblem('unsupported-media-type', 'the body was sent in a charset other than UTF-8', {});
  if (!isUtf8(bytes)) {
    const message = 'is not UTF-8 text; send JSON encoded in UTF-8';
    throw new ApiProblem('validation-failed', `the body ${message}`, { errors: [{ field: 'body', messages: [message] }] });
  }
  return parseBoundedJson(bytes.toString('utf8'));
}
