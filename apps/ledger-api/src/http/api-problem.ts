import { ErrorCode } from '@concord/ledger';

/** An error raised at the edge with a catalogued code; the problem filter renders it. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';

  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }
}
