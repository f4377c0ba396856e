import { ProposalStatus } from '@concord/governance';
import { Closing, closedBy, mayHave } from './proposal-closing';
import { countUpTo } from './time-point';

/**
 * One proposal as stored in a chunk of its body's proposals: its id, 1 for a definition amendment
 * (else 0), the position it was tabled at, the world date of its tabling, where and how it closed
 * (a `Closing`, 0 while open), the world date of the record that closed it (0 while open), and 1
 * once a correction of a date on its stream was recorded. Trailing fields at their defaults are
 * left out. World dates are milliseconds since 1970: stored dates are ISO text of one form
 * (`occurredAt`, and `effectiveAt` once read), which orders as its instants do, and a number
 * weighs a fifth of it in memory, for each of a body's tens of thousands of proposals.
 */
export type ProposalEntry = [proposalId: string, amendment: 0 | 1, position: number, tabledOn: number, closing?: number, closedOn?: number, redated?: 0 | 1];

/** What `BodyProposals` keeps of one proposal (all but its id and whether it amends the definition). */
export interface ProposalFacts {
  readonly position: number;
  /** The world date of its tabling, in milliseconds. */
  readonly tabledOn: number;
  readonly closing: Closing;
  /** The world date of the record that closed it, in milliseconds; 0 while open. */
  readonly closedOn: number;
  readonly redated: boolean;
}

/**
 * A body's proposals in the order tabled, with what a listing filters on before it reads any of
 * them: where each was tabled (position and world date) and where and how it closed. A proposal
 * closes once and for good, so its status at a point follows from these, except where a
 * correction since changed a decision's outcome (either outcome may then hold) or a date on its
 * stream (then any status may hold in world time); those pass every filter that they may meet,
 * and the proposal's state decides.
 */
export class BodyProposals {
  readonly ids: string[] = [];
  private readonly tabledAt: number[] = [];
  private readonly tabledOn: number[] = [];
  private readonly closings: Closing[] = [];
  private readonly closedOn: number[] = [];
  private readonly redated: boolean[] = [];

  /** Adds the proposal at the end; its place in the list. */
  add(proposalId: string, facts: ProposalFacts): number {
    this.ids.push(proposalId);
    this.tabledAt.push(facts.position);
    this.tabledOn.push(facts.tabledOn);
    this.closings.push(facts.closing);
    this.closedOn.push(facts.closedOn);
    this.redated.push(facts.redated);
    return this.ids.length - 1;
  }

  /** Closes the proposal at `place` as `next` says from how it stands; whether that changed anything. */
  close(place: number, next: (closing: Closing) => Closing, occurredAt: string | undefined): boolean {
    const closing = this.closings[place] ?? 0;
    const changed = next(closing);
    if (changed === closing) return false;
    this.closings[place] = changed;
    if (closing === 0 && occurredAt !== undefined) this.closedOn[place] = Date.parse(occurredAt);
    return true;
  }

  /** Marks the proposal at `place` as having a date corrected; whether it was not already. */
  redate(place: number): boolean {
    if (this.redated[place] === true) return false;
    this.redated[place] = true;
    return true;
  }

  /** How many proposals were tabled at or before `position` (they come first: the list is in the order tabled). */
  tabledBy(position: number): number {
    return countUpTo(this.tabledAt, position, (tabled) => tabled);
  }

  /**
   * The proposals tabled by `position` that can have `status` there: one open there closed after
   * it or not at all, one withdrawn closed by a withdrawal by then, one adopted (or not) closed by
   * then by a decision of that outcome or of an outcome corrected since.
   */
  possiblyOf(position: number, status: ProposalStatus): string[] {
    return this.ids.slice(0, this.tabledBy(position)).filter((_, place) => {
      const closing = this.closings[place] ?? 0;
      return mayHave(closing, status, closedBy(closing, position));
    });
  }

  /**
   * The proposals that can exist on `effectiveAt` in world time, as the records up to `knownTo`
   * tell it (world time reads every record indexed so far, whatever the date it was recorded), and
   * with `status` there if given: tabled on or before that date, and closed on or before it (by a
   * record indexed by then) or not, as the status asks.
   */
  possiblyInWorldTime(effectiveAt: string, knownTo: number, status: ProposalStatus | undefined): string[] {
    const moment = Date.parse(effectiveAt);
    return this.ids.filter((_, place) => {
      if (this.redated[place] === true) return true;
      if ((this.tabledOn[place] as number) > moment) return false;
      if (status === undefined) return true;
      const closing = this.closings[place] ?? 0;
      return mayHave(closing, status, closedBy(closing, knownTo) && (this.closedOn[place] as number) <= moment);
    });
  }

  /** The proposal at `place` as a chunk stores it. */
  entry(place: number, amendment: boolean): ProposalEntry {
    const entry: ProposalEntry = [
      this.ids[place] as string,
      amendment ? 1 : 0,
      this.tabledAt[place] as number,
      this.tabledOn[place] as number,
      this.closings[place] ?? 0,
      this.closedOn[place] ?? 0,
      this.redated[place] === true ? 1 : 0,
    ];
    while (entry.length > 4 && entry.at(-1) === 0) entry.pop();
    return entry;
  }
}

/** The facts a stored entry holds. */
export function factsOf(entry: ProposalEntry): ProposalFacts {
  const [, , position, tabledOn, closing = 0, closedOn = 0, redated = 0] = entry;
  return { position, tabledOn, closing, closedOn, redated: redated === 1 };
}
