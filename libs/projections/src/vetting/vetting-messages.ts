/** What the read side's vetting thread is told: the log after `after` in a SQLite file is to be vetted. */
export interface VettingThreadData {
  readonly file: string;
  readonly after: number;
}

/** The fold has read the log up to `position`: the thread vets up to there. */
export interface VetThrough {
  readonly kind: 'through';
  readonly position: number;
}

export type VettingReply =
  /** Every event up to `position` is one the ledger would vouch for. */
  | { readonly kind: 'vouched'; readonly position: number }
  /** One is not, or the thread could not read them: the fold vets again event by event. */
  | { readonly kind: 'refused'; readonly reason: string };
