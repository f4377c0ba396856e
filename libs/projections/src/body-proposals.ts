import { ProposalStatus } from '@concord/governance';
import { Closing, closedBy, mayHave } from './proposal-closing';
import { mayMatch, searchTermsOf, TextSearch } from './text-match';
import { countUpTo } from './time-point';

/**
 * One proposal as stored in a chunk of its body's proposals: its id, 1 for a definition amendment
 * (else 0), the position it was tabled at, the world date of its tabling, where and how it closed
 * (a `Closing`, 0 while open), the world date of the record that closed it (0 while open), and 1
 * once a correction of a date on its stream was recorded. (The words of its titles and texts are
 * stored in chunks of their own: a chunk of these is stored again at every closing in it.) Trailing fields at their defaults are left out. World dates are
 * milliseconds since 1970: stored dates are ISO text of one form (`occurredAt`, and `effectiveAt`
 * once read), which orders as its instants do, and a number weighs a fifth of it in memory, for
 * each of a body's tens of thousands of proposals.
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
 * and the proposal's state decides. A search likewise passes over the proposals none of whose
 * titles and texts hold its words.
 */
export class BodyProposals {
  readonly ids: string[] = [];
  private readonly tabledAt: number[] = [];
  private readonly tabledOn: number[] = [];
  private readonly terms: string[] = [];
  private readonly closings: Closing[] = [];
  private readonly closedOn: number[] = [];
  private readonly redated: boolean[] = [];

  /** Adds the proposal at the end; its place in the list. */
  add(proposalId: string, facts: ProposalFacts): number {
    this.ids.push(proposalId);
    this.tabledAt.push(facts.position);
    this.tabledOn.push(facts.tabledOn);
    this.terms.push('');
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

  /** Adds the words of a title or text the proposal at `place` has, for searches (see `searchTermsOf`); whether any was new. */
  addTerms(place: number, texts: readonly string[]): boolean {
    const known = this.terms[place] ?? '';
    const terms = searchTermsOf(texts, known);
    if (terms === known) return false;
    this.terms[place] = terms;
    return true;
  }

  /** The words stored for the proposal at `place` (by a process as far on, or further), as they were stored: they are folded already. */
  restoreTerms(place: number, terms: string): void {
    if (place < this.ids.length) this.terms[place] = terms;
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
   * The proposals tabled by `position` that can have `status` there, if given: one open there
   * closed after it or not at all, one withdrawn closed by a withdrawal by then, one adopted (or
   * not) closed by then by a decision of that outcome or of an outcome corrected since. With a
   * search, only those that some title and text they have had can match.
   */
  possiblyOf(position: number, status: ProposalStatus | undefined, search?: TextSearch): string[] {
    return this.listed(this.tabledBy(position), search, (place) => {
      if (status === undefined) return true;
      const closing = this.closings[place] ?? 0;
      return mayHave(closing, status, closedBy(closing, position));
    });
  }

  /**
   * The proposals that can exist on `effectiveAt` in world time, as the records up to `knownTo`
   * tell it (world time reads every record indexed so far, whatever the date it was recorded), and
   * with `status` there if given: tabled on or before that date, and closed on or before it (by a
   * record indexed by then) or not, as the status asks. With a search, as `possiblyOf`.
   */
  possiblyInWorldTime(effectiveAt: string, knownTo: number, status: ProposalStatus | undefined, search?: TextSearch): string[] {
    const moment = Date.parse(effectiveAt);
    return this.listed(this.ids.length, search, (place) => {
      if (this.redated[place] === true) return true;
      if ((this.tabledOn[place] as number) > moment) return false;
      if (status === undefined) return true;
      const closing = this.closings[place] ?? 0;
      return mayHave(closing, status, closedBy(closing, knownTo) && (this.closedOn[place] as number) <= moment);
    });
  }

  /** The ids of the first `end` proposals that `keeps` keeps and the search (if any) may match, in one pass. */
  private listed(end: number, search: TextSearch | undefined, keeps: (place: number) => boolean): string[] {
    const listed: string[] = [];
    for (let place = 0; place < end; place += 1) {
      if (keeps(place) && (search === undefined || mayMatch(search, this.terms[place] ?? ''))) listed.push(this.ids[place] as string);
    }
    return listed;
  }

  /** The words of the proposals from `from` up to `to` (excluded), as a chunk of them stores them. */
  termsOf(from: number, to: number): string[] {
    return this.terms.slice(from, Math.min(to, this.ids.length));
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
