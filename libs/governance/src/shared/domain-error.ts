/**
 * The closed set of rule violations the domain can report. Each code is stable: clients branch on
 * it, and `libs/ledger/src/errors/error-catalogue.ts` documents every one of them.
 */
export const DOMAIN_ERROR_CODES = [
  'body-not-found',
  'meeting-not-found',
  'proposal-not-found',
  'event-not-found',
  'body-already-established',
  'meeting-already-convened',
  'proposal-already-exists',
  'already-a-member',
  'not-a-member',
  'not-a-participant',
  'not-a-proposer',
  'observer-cannot-object',
  'participant-suspended',
  'participant-not-suspended',
  'vice-chair-term-taken',
  'chair-term-taken',
  'holds-other-office',
  'office-term-out-of-range',
  'succession-without-vice-chair',
  'custodial-without-previous-chair',
  'meeting-closed',
  'meeting-of-another-body',
  'communique-already-recorded',
  'proposal-closed',
  'proposal-of-another-body',
  'revision-unchanged',
  'support-already-expressed',
  'objection-already-standing',
  'objection-not-standing',
  'objections-standing',
  'stale-revision',
  'not-the-chair',
  'occurred-in-future',
  'occurred-out-of-order',
  'correction-not-applicable',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function refuse(code: DomainErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}
