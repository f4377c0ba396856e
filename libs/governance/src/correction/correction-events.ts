import { IsoDateTime } from '../shared/time';

/** A corrected value; a list only where the ledger works one out (a decision's blocking participants). */
export type CorrectedValue = string | number | boolean | null | readonly string[];

/**
 * Rule 7: history is append-only. A mistaken record stays; this event, appended to the same stream,
 * names it and carries the corrected field values, which every projection applies from here on.
 */
export type CorrectionRecorded = {
  readonly type: 'CorrectionRecorded';
  readonly data: {
    correctsEventId: string;
    correctedType: string;
    reason: string;
    corrections: Record<string, CorrectedValue>;
    occurredAt: IsoDateTime;
  };
};
