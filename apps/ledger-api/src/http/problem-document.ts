import { ERROR_CATALOGUE, ErrorCode } from '@concord/ledger';

/** The RFC 9457 problem+json body of a refusal with a catalogued `code`. */
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
    instance,
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
