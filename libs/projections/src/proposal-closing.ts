import { ProposalStatus } from '@concord/governance';

/**
 * Where and how a proposal closed, as one number kept beside each proposal of a body: 0 while
 * open, else the position of the record that closed it times 4 plus how it closed. A proposal
 * closes once and for good (nothing opens a decided or withdrawn proposal again); only a
 * correction can change a decision's outcome, so a decision corrected since counts as either.
 */
export type Closing = number;

const HOW = { decidedEitherWay: 0, adopted: 1, notAdopted: 2, withdrawn: 3 } as const;
const CLOSING_RECORDS: Readonly<Record<string, number>> = {
  ConsensusDeclared: HOW.adopted,
  NoConsensusRecorded: HOW.notAdopted,
  ProposalWithdrawn: HOW.withdrawn,
};

/** The closing a proposal's record makes, or undefined for a record that does not close it. */
export function closingBy(type: string, position: number): Closing | undefined {
  const how = CLOSING_RECORDS[type];
  return how === undefined ? undefined : position * 4 + how;
}

/** The closing after a correction recorded on the proposal: a decision's outcome may be another now. */
export function afterCorrection(closing: Closing): Closing {
  const how = closing % 4;
  return closing === 0 || how === HOW.withdrawn ? closing : closing - how + HOW.decidedEitherWay;
}

/** Whether the record that closed the proposal was recorded at or before `position`. */
export function closedBy(closing: Closing, position: number): boolean {
  return closing !== 0 && Math.floor(closing / 4) <= position;
}

/**
 * Whether a proposal that closed so can have `status` at a point, given whether its closing
 * counts there (its state says whether it has).
 */
export function mayHave(closing: Closing, status: ProposalStatus, closedByThen: boolean): boolean {
  if (status === 'open') return !closedByThen;
  if (!closedByThen) return false;
  const how = closing % 4;
  if (status === 'withdrawn') return how === HOW.withdrawn;
  if (how === HOW.withdrawn) return false;
  return how === HOW.decidedEitherWay || how === (status === 'adopted' ? HOW.adopted : HOW.notAdopted);
}
