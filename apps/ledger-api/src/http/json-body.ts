import { isUtf8 } from 'node:buffer';
import { ApiProblem } from './api-problem';
import { parseBoundedJson } from './bounded-json';

const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;
const UTF_8 = new Set(['utf-8', 'utf8']);

/**
 * A request body as the ledger reads it: JSON in UTF-8 and nothing else. Bytes that are not UTF-8
 * would otherwise be decoded into replacement characters and recorded as text nobody sent, and a
 * body declared in another charset would be read as if it were UTF-8.
 */
export function readJsonBody(bytes: Buffer, contentType: string | undefined): unknown {
  const match = CHARSET.exec(contentType ?? '');
  const charset = match === null ? undefined : (match[1] ?? match[2] ?? '');
  if (charset !== undefined && !UTF_8.has(charset.toLowerCase())) {
    throw new ApiProblem('unsupported-media-type', `the body was sent in charset ${charset}; send it in UTF-8`, {});
  }
  if (!isUtf8(bytes)) {
    const message = 'is not UTF-8 text; send JSON encoded in UTF-8';
    throw new ApiProblem('validation-failed', `the body ${message}`, { errors: [{ field: 'body', messages: [message] }] });
  }
  return parseBoundedJson(bytes.toString('utf8'));
}
