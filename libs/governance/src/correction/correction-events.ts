import { IsoDateTime } from '../shared/time';

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
    corrections: Record<string, string | number | boolean | null>;
    occurredAt: IsoDateTime;
  };
};
