import { ERROR_CATALOGUE, ErrorCode } from '@concord/ledger';
import { redactedUrl } from '../logging/redacted-url';

/**
 * The RFC 9457 problem+json body of a refusal with a catalogued `code`. `instance` is the request's
 * target with credential-named query values redacted, as in the logs: an answer ends up in proxy
 * and client logs too, and a key sent in the query must not be echoed back into them.
 */
export function problemDocument(
  code: ErrorCode,
  detail: string,
  instance: string,
  extensions: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const entry = ERROR_CATALOGUE[code];
  return {
    // The facts of the refusal come first so that none of them can shadow a standard member.
    ...extensions,
    type: `https://concord-ledger.dev/errors/${code}`,
    title: entry.title,
    status: entry.status,
    code,
    detail,
    // Percent-encoded: a problem's instance is a URI reference, where a bare bracket may not stand.
    instance: redactedUrl(instance, '%5Bredacted%5D'),
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
